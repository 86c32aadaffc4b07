package io.selfheal.harness.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.harness.backend.EmbeddedCloud;
import io.selfheal.harness.engine.CheckResult;
import io.selfheal.harness.engine.ScenarioResult;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.ScenarioLoader;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The LocalStack backend against a stand-in for the container ({@link LocalStackInstance}): an embedded emulator on
 * the real clock answers where LocalStack's edge port would. The adapter's own work is real — one instance for the
 * run, a cloud per scenario with its observation tap, outcomes read through AWS's APIs, scenarios LocalStack cannot
 * run skipped with its reason — only the container is not.
 */
class LocalStackBackendTest {
    private static final String REBOOT = """
            scenario: reboot-on-localstack
            clock: real
            stack:
              instances:
                web: {imageId: ami-0abcdef1234567890}
            faults:
              - rebootInstance: {instance: web}
            expect:
              within: PT10S
              outcomes:
                - instance: {ref: web, state: running}
                - apiCalls: {service: ec2, operation: RebootInstances, count: 1}
            """;

    private final StandIn localStack = new StandIn();

    @AfterEach
    void stop() {
        localStack.emulator.close();
    }

    @Test
    void aScenarioRunsOnTheStartedInstanceReadThroughAwsAloneAndTheInstanceStopsAtTheEnd() {
        Scenario scenario = new ScenarioLoader().load(Path.of("reboot-on-localstack.yaml"), REBOOT);
        ScenarioResult result;
        try (LocalStackBackend backend = LocalStackBackend.start(localStack)) {
            assertThat(localStack.events).containsExactly("start");
            assertThat(backend.describe()).isEqualTo("LocalStack (stand-in/localstack:test) on "
                    + localStack.endpoint());
            result = backend.runner().run(scenario);
            assertThat(localStack.events).containsExactly("start");
        }
        assertThat(localStack.events).containsExactly("start", "stop");

        assertThat(result.passed()).as(String.valueOf(result.reason())).isTrue();
        assertThat(result.checks()).extracting(CheckResult::name, CheckResult::passed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("outcome", true));
        try (EventBridgeClient events = EventBridgeClient.builder().endpointOverride(localStack.endpoint())
                .region(Region.of(localStack.region())).credentialsProvider(localStack.credentials()).build()) {
            assertThat(events.listRules(r -> r.namePrefix("tap-sh-")).rules())
                    .as("each scenario's tap is deleted with its cloud").isEmpty();
        }
    }

    @Test
    void aScenarioOnAlarmStateChangeEventsIsSkippedWithLocalStacksReasonBeforeAnyCloudIsMade() {
        Scenario scenario = new ScenarioLoader().load(Path.of("../scenarios/examples/real-clock-alarm.yaml"));
        try (LocalStackBackend backend = LocalStackBackend.start(localStack)) {
            ScenarioResult result = backend.runner().run(scenario);

            assertThat(result.isSkipped()).isTrue();
            assertThat(result.skipReason()).isEqualTo("LocalStack emits no CloudWatch alarm state-change events");
        }
        assertThat(localStack.emulator.observation().calls()).as("no tap, nothing provisioned").isEmpty();
    }

    @Test
    void scenariosNeedingTheEmulatorsControlsAreSkippedWithWhatTheyNeed() {
        Scenario scenario = new ScenarioLoader().load(Path.of("../scenarios/ec2/cpu-load-reboot-recovery.yaml"));
        try (LocalStackBackend backend = LocalStackBackend.start(localStack)) {
            ScenarioResult result = backend.runner().run(scenario);

            assertThat(result.isSkipped()).isTrue();
            assertThat(result.skipReason()).startsWith("LocalStack emits no CloudWatch alarm state-change events");
        }
        assertThat(LocalStackGaps.skipReason(new ScenarioLoader().load(Path.of("r.yaml"), REBOOT))).isNull();
    }

    @Test
    void javaFunctionsAreANoteNotAGap() {
        Scenario scenario = new ScenarioLoader().load(Path.of("../scenarios/ec2/high-cpu-reboot.yaml"));
        assertThat(LocalStackGaps.notes(scenario)).singleElement().asString()
                .contains("Java functions run in Docker containers");
    }

    @Test
    void theContainerTakesTheImageAndPassesTheAuthTokenOn() {
        LocalStackSettings settings = LocalStackSettings.from("mirror.example.com/localstack/localstack-pro:4.4",
                Map.of("LOCALSTACK_AUTH_TOKEN", "ls-token", "SELFHEAL_LOCALSTACK_IMAGE", "ignored:1"));
        TestcontainersLocalStack container = new TestcontainersLocalStack(settings);

        assertThat(container.imageName().asCanonicalNameString())
                .isEqualTo("mirror.example.com/localstack/localstack-pro:4.4");
        assertThat(container.imageName().isCompatibleWith(
                org.testcontainers.utility.DockerImageName.parse("localstack/localstack"))).isTrue();
        assertThat(container.environment()).containsExactly(Map.entry("LOCALSTACK_AUTH_TOKEN", "ls-token"));
        assertThat(container.image()).isEqualTo("mirror.example.com/localstack/localstack-pro:4.4");

        LocalStackSettings fromEnvironment = LocalStackSettings.from(null, Map.of("SELFHEAL_LOCALSTACK_IMAGE",
                "localstack/localstack:3.8"));
        assertThat(fromEnvironment).isEqualTo(new LocalStackSettings("localstack/localstack:3.8", null));
        assertThat(new TestcontainersLocalStack(fromEnvironment).environment()).isEmpty();
        assertThat(LocalStackSettings.from(null, Map.of()).image()).isEqualTo(LocalStackSettings.DEFAULT_IMAGE);
    }

    @Test
    void withoutADockerEngineStartingSaysWhatToUseInstead() {
        Assumptions.assumeFalse(TestcontainersLocalStack.dockerAvailable(), "a Docker engine is present here");
        TestcontainersLocalStack container = new TestcontainersLocalStack(LocalStackSettings.from(null, Map.of()));

        assertThatThrownBy(() -> LocalStackBackend.start(container)).isInstanceOf(NoDockerEngineException.class)
                .hasMessage("no Docker engine: use the embedded backend or --endpoint-url");
    }

    /** The container's stand-in: an embedded emulator on the real clock, and what was asked of it. */
    private static final class StandIn implements LocalStackInstance {
        final EmbeddedCloud emulator = new EmbeddedCloud(false);
        final List<String> events = new ArrayList<>();

        @Override
        public void start() {
            events.add("start");
        }

        @Override
        public URI endpoint() {
            return emulator.endpoint();
        }

        @Override
        public String region() {
            return emulator.region();
        }

        @Override
        public AwsCredentialsProvider credentials() {
            return emulator.credentials();
        }

        @Override
        public String image() {
            return "stand-in/localstack:test";
        }

        @Override
        public void stop() {
            events.add("stop");
        }
    }
}
