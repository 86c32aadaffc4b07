package io.selfheal.emulator.services.ec2;

import static io.selfheal.emulator.services.ec2.Ec2InstancesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.TestClients;
import io.selfheal.emulator.control.Ec2Control;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.RebootInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StartInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StopInstancesRequest;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesRequest;

/** Start, stop, reboot and terminate through the SDK: AWS's answers, timed transitions, refusals and DryRun. */
class Ec2LifecycleTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    private static final Duration SETTLE = Duration.ofSeconds(5);

    private static Emulator emulator;
    private static Ec2Client ec2;
    private static Ec2Control control;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        ec2 = AWS.client(Ec2Client.class);
        control = emulator.control().component(Ec2Control.class);
    }

    @Test
    void aLaunchedInstanceBecomesRunningAfterTheTransitionDelay() {
        String id = launch();
        awaitState(id, "running");
        Instance i = describe(id);
        assertThat(i.state().code()).isEqualTo(16);
        assertThat(i.stateTransitionReason()).isEmpty();
        assertThat(i.stateReason()).isNull();
    }

    @Test
    void stopAnswersPreviousAndCurrentStateThenSettlesStopped() {
        String id = running();
        InstanceStateChange change = ec2.stopInstances(b -> b.instanceIds(id)).stoppingInstances().get(0);
        assertChange(change, id, "running", 16, "stopping", 64);
        awaitState(id, "stopped");
        Instance i = describe(id);
        assertThat(i.state().code()).isEqualTo(80);
        assertThat(i.stateTransitionReason()).matches("User initiated \\(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d GMT\\)");
        assertThat(i.stateReason().code()).isEqualTo("Client.UserInitiatedShutdown");
        assertThat(i.stateReason().message()).isEqualTo("Client.UserInitiatedShutdown: User initiated shutdown");
        // Stopping a stopped instance is not an error: AWS answers stopped -> stopped.
        assertChange(ec2.stopInstances(b -> b.instanceIds(id)).stoppingInstances().get(0),
                id, "stopped", 80, "stopped", 80);
    }

    @Test
    void startFromStoppedGoesPendingThenRunningAndStartingARunningInstanceChangesNothing() {
        String id = stopped();
        assertChange(ec2.startInstances(b -> b.instanceIds(id)).startingInstances().get(0),
                id, "stopped", 80, "pending", 0);
        awaitState(id, "running");
        assertThat(describe(id).stateReason()).isNull();
        assertChange(ec2.startInstances(b -> b.instanceIds(id)).startingInstances().get(0),
                id, "running", 16, "running", 16);
    }

    @Test
    void terminateGoesShuttingDownThenTerminatedAndATerminatedInstanceCannotStartOrStop() {
        String id = running();
        assertChange(ec2.terminateInstances(b -> b.instanceIds(id)).terminatingInstances().get(0),
                id, "running", 16, "shutting-down", 32);
        awaitState(id, "terminated");
        assertThat(describe(id).state().code()).isEqualTo(48);
        assertChange(ec2.terminateInstances(b -> b.instanceIds(id)).terminatingInstances().get(0),
                id, "terminated", 48, "terminated", 48);
        Ec2Exception start = assertError(() -> ec2.startInstances(b -> b.instanceIds(id)), "IncorrectInstanceState");
        assertThat(start.awsErrorDetails().errorMessage())
                .isEqualTo("The instance '" + id + "' is not in a state from which it can be started.");
        Ec2Exception stop = assertError(() -> ec2.stopInstances(b -> b.instanceIds(id)), "IncorrectInstanceState");
        assertThat(stop.awsErrorDetails().errorMessage())
                .isEqualTo("This instance '" + id + "' is not in a state from which it can be stopped.");
    }

    @Test
    void terminatingAStoppedInstanceShutsItDown() {
        String id = stopped();
        assertChange(ec2.terminateInstances(b -> b.instanceIds(id)).terminatingInstances().get(0),
                id, "stopped", 80, "shutting-down", 32);
        awaitState(id, "terminated");
    }

    @Test
    void aPendingInstanceThatNeverRanCannotBeStopped() {
        String id = launch();
        Ec2Exception e = assertError(() -> ec2.stopInstances(b -> b.instanceIds(id)), "IncorrectInstanceState");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("Instance '" + id + "' cannot be stopped as it has never reached the 'running' state.");
    }

    @Test
    void aRefusedCallNamingSeveralInstancesChangesNone() {
        String running = running();
        String stopped = stopped();
        assertError(() -> ec2.startInstances(b -> b.instanceIds(stopped, running, "i-00000000000000000")),
                "InvalidInstanceID.NotFound");
        assertThat(control.state(stopped)).isEqualTo("stopped");
        String terminated = running();
        ec2.terminateInstances(b -> b.instanceIds(terminated));
        awaitState(terminated, "terminated");
        assertError(() -> ec2.stopInstances(b -> b.instanceIds(running, terminated)), "IncorrectInstanceState");
        assertThat(control.state(running)).isEqualTo("running");
    }

    @Test
    void rebootKeepsTheInstanceRunningAndCountsTheReboot() {
        String id = running();
        assertThat(control.rebootCount(id)).isZero();
        assertThat(ec2.rebootInstances(b -> b.instanceIds(id)).sdkHttpResponse().isSuccessful()).isTrue();
        ec2.rebootInstances(b -> b.instanceIds(id));
        assertThat(control.rebootCount(id)).isEqualTo(2);
        assertThat(control.state(id)).isEqualTo("running");
        assertThat(describe(id).state().nameAsString()).isEqualTo("running");
    }

    @Test
    void rebootRefusesAStoppedInstanceAndIgnoresATerminatedOne() {
        String stopped = stopped();
        Ec2Exception e = assertError(() -> ec2.rebootInstances(b -> b.instanceIds(stopped)), "IncorrectInstanceState");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("The instance '" + stopped + "' is not in a state from which it can be rebooted.");
        assertThat(control.rebootCount(stopped)).isZero();
        String terminated = running();
        ec2.terminateInstances(b -> b.instanceIds(terminated));
        awaitState(terminated, "terminated");
        ec2.rebootInstances(b -> b.instanceIds(terminated)); // "Requests to reboot terminated instances are ignored."
        assertThat(control.rebootCount(terminated)).isZero();
    }

    @Test
    void dryRunAnswers412DryRunOperationAndChangesNothing() {
        String id = running();
        assertDryRun(() -> ec2.stopInstances(StopInstancesRequest.builder().instanceIds(id).dryRun(true).build()));
        assertDryRun(() -> ec2.rebootInstances(RebootInstancesRequest.builder().instanceIds(id).dryRun(true).build()));
        assertDryRun(() -> ec2.terminateInstances(TerminateInstancesRequest.builder().instanceIds(id).dryRun(true)
                .build()));
        assertDryRun(() -> ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1).dryRun(true)));
        assertThat(control.state(id)).isEqualTo("running");
        assertThat(control.rebootCount(id)).isZero();
        String stopped = stopped();
        assertDryRun(() -> ec2.startInstances(StartInstancesRequest.builder().instanceIds(stopped).dryRun(true).build()));
        assertThat(control.state(stopped)).isEqualTo("stopped");
        // A dry run still validates: an unknown instance is reported as such.
        assertError(() -> ec2.stopInstances(b -> b.instanceIds("i-00000000000000000").dryRun(true)),
                "InvalidInstanceID.NotFound");
    }

    @Test
    void everyStateCallRequiresInstanceIds() {
        assertError(() -> ec2.startInstances(b -> { }), "MissingParameter");
        assertError(() -> ec2.stopInstances(b -> { }), "MissingParameter");
        assertError(() -> ec2.rebootInstances(b -> { }), "MissingParameter");
        assertError(() -> ec2.terminateInstances(b -> { }), "MissingParameter");
        assertError(() -> ec2.rebootInstances(b -> b.instanceIds("not-an-id")), "InvalidInstanceID.Malformed");
    }

    @Test
    void controlAnswersForUnknownInstancesAndResetForgetsEverything() {
        assertThat(control.state("i-00000000000000000")).isNull();
        assertThat(control.rebootCount("i-00000000000000000")).isZero();
        try (Emulator own = Emulator.startOnFreePort(); Ec2Client client = TestClients.of(Ec2Client.builder(), own)) {
            String id = client.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1))
                    .instances().get(0).instanceId();
            Ec2Control ownControl = own.control().component(Ec2Control.class);
            assertThat(ownControl.state(id)).isEqualTo("pending");
            own.control().reset();
            assertThat(ownControl.state(id)).isNull();
            assertThat(own.control().awaitIdle(SETTLE)).isTrue();
            assertThat(ownControl.state(id)).isNull();
            assertError(() -> client.describeInstances(b -> b.instanceIds(id)), "InvalidInstanceID.NotFound");
        }
    }

    private static void assertDryRun(Runnable call) {
        Ec2Exception e = assertError(call, "DryRunOperation");
        assertThat(e.statusCode()).isEqualTo(412);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Request would have succeeded, but DryRun flag is set.");
    }

    private static void assertChange(InstanceStateChange change, String id, String previous, int previousCode,
                                     String current, int currentCode) {
        assertThat(change.instanceId()).isEqualTo(id);
        assertThat(change.previousState().nameAsString()).isEqualTo(previous);
        assertThat(change.previousState().code()).isEqualTo(previousCode);
        assertThat(change.currentState().nameAsString()).isEqualTo(current);
        assertThat(change.currentState().code()).isEqualTo(currentCode);
    }

    private static String launch() {
        return ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)).instances().get(0).instanceId();
    }

    private static String running() {
        String id = launch();
        awaitState(id, "running");
        return id;
    }

    private static String stopped() {
        String id = running();
        ec2.stopInstances(b -> b.instanceIds(id));
        awaitState(id, "stopped");
        return id;
    }

    static void awaitState(String id, String state) {
        await().atMost(SETTLE).until(() -> state.equals(control.state(id)));
        assertThat(describe(id).state().nameAsString()).isEqualTo(state);
    }

    private static Instance describe(String id) {
        return ec2.describeInstances(b -> b.instanceIds(id)).reservations().get(0).instances().get(0);
    }

}
