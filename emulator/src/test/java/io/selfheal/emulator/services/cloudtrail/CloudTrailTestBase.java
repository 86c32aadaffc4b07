package io.selfheal.emulator.services.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.EventsControl;
import io.selfheal.emulator.core.CallerIdentity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** One emulator for a test class, real SDK clients, and a Lambda function's role session to call with. */
abstract class CloudTrailTestBase {
    static final String ACCOUNT = "123456789012";
    /** The keys a function named "remediate" with role "remediation-role" runs with, as Lambda issues them. */
    static final CallerIdentity FUNCTION_SESSION = new CallerIdentity(ACCOUNT,
            "arn:aws:sts::" + ACCOUNT + ":assumed-role/remediation-role/remediate",
            "AROAEXAMPLEROLEID0001:remediate", "ASIAEXAMPLESESSION01", "AssumedRole");

    /** The function session's access key is registered as Lambda registers it when it starts a function. */
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime()
            .configure(b -> b.afterServices(context -> context.identities().register(FUNCTION_SESSION)));

    static Emulator emulator;
    static CloudTrailClient cloudtrail;
    static Ec2Client ec2;
    static EventBridgeClient events;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        cloudtrail = AWS.client(CloudTrailClient.class);
        ec2 = AWS.client(Ec2Client.class);
        events = AWS.client(EventBridgeClient.class);
    }

    @BeforeEach
    void clean() {
        emulator.control().reset();
    }

    static void awaitIdle() {
        assertThat(emulator.control().awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    /** The CloudTrail events that reached the default bus, for one event name. */
    static List<JsonNode> cloudTrailEvents(String eventName) {
        awaitIdle();
        return emulator.control().component(EventsControl.class).events().stream().map(EventRecord::event)
                .filter(e -> e.path("detail-type").asText().equals("AWS API Call via CloudTrail"))
                .filter(e -> e.path("detail").path("eventName").asText().equals(eventName))
                .map(e -> (JsonNode) e).toList();
    }

    /** A running instance (RebootInstances and StopInstances refuse pending ones, as EC2 does). */
    static String runInstance() {
        String id = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)).instances().get(0)
                .instanceId();
        await().atMost(Duration.ofSeconds(10)).until(() -> ec2.describeInstances(b -> b.instanceIds(id))
                .reservations().get(0).instances().get(0).state().nameAsString().equals("running"));
        return id;
    }
}
