package io.selfheal.emulator.services.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.ServiceEventCapture;
import io.selfheal.emulator.messages.ServiceEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** Every instance state change is one "EC2 Instance State-change Notification" on the bus, in AWS's shape. */
class Ec2EventsTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().recording(ServiceEvent.class);

    private static final Duration SETTLE = Duration.ofSeconds(5);

    private static final ServiceEventCapture CAPTURE = new ServiceEventCapture(AWS);
    private static Emulator emulator;
    private static Ec2Client ec2;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        ec2 = AWS.client(Ec2Client.class);
    }

    @Test
    void aRestartByStopAndStartEmitsEveryTransitionOnce() {
        Instant before = Instant.now();
        String id = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1))
                .instances().get(0).instanceId();
        String arn = "arn:aws:ec2:us-east-1:123456789012:instance/" + id;
        awaitStates(arn, "pending", "running");
        ec2.rebootInstances(b -> b.instanceIds(id)); // a reboot is not a state change
        ec2.stopInstances(b -> b.instanceIds(id));
        awaitStates(arn, "pending", "running", "stopping", "stopped");
        ec2.startInstances(b -> b.instanceIds(id));
        awaitStates(arn, "pending", "running", "stopping", "stopped", "pending", "running");
        ec2.terminateInstances(b -> b.instanceIds(id));
        awaitStates(arn, "pending", "running", "stopping", "stopped", "pending", "running", "shutting-down",
                "terminated");

        for (ServiceEvent e : CAPTURE.about(arn)) {
            assertThat(e.source()).isEqualTo("aws.ec2");
            assertThat(e.detailType()).isEqualTo("EC2 Instance State-change Notification");
            assertThat(e.accountId()).isEqualTo("123456789012");
            assertThat(e.region()).isEqualTo("us-east-1");
            assertThat(e.resources()).containsExactly(arn);
            assertThat(e.detail().get("instance-id").asText()).isEqualTo(id);
            assertThat(e.time()).isAfterOrEqualTo(before.minusSeconds(1));
        }
    }

    @Test
    void theDetailHasExactlyTheReferenceEventsKeys() {
        String id = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1))
                .instances().get(0).instanceId();
        String arn = "arn:aws:ec2:us-east-1:123456789012:instance/" + id;
        awaitStates(arn, "pending", "running");
        JsonNode reference = ServiceEventCapture.reference("ec2-instance-state-change.json");
        ServiceEvent event = CAPTURE.about(arn).get(0);
        assertThat(fieldNames(event.detail())).isEqualTo(fieldNames(reference.get("detail")));
        assertThat(event.source()).isEqualTo(reference.get("source").asText());
        assertThat(event.detailType()).isEqualTo(reference.get("detail-type").asText());
        assertThat(event.resources().get(0)).startsWith("arn:aws:ec2:us-east-1:123456789012:instance/i-");
    }

    @Test
    void eachInstanceOfALaunchHasItsOwnEvents() {
        List<String> ids = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(3).maxCount(3))
                .instances().stream().map(i -> i.instanceId()).toList();
        for (String id : ids) {
            awaitStates("arn:aws:ec2:us-east-1:123456789012:instance/" + id, "pending", "running");
        }
    }

    /** Waits for the states, then for quiet, and asserts there is nothing more. */
    private static void awaitStates(String arn, String... states) {
        await().atMost(SETTLE).until(() -> CAPTURE.about(arn).size() >= states.length);
        assertThat(emulator.control().awaitIdle(SETTLE)).isTrue();
        assertThat(CAPTURE.about(arn)).extracting(e -> e.detail().get("state").asText()).containsExactly(states);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
