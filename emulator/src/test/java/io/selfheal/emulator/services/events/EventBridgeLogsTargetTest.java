package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.PutLogEvents;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * CloudWatch Logs log groups as targets ("Amazon EventBridge targets"): the group must exist and its resource policy
 * must allow events.amazonaws.com ("Permissions for EventBridge targets").
 */
class EventBridgeLogsTargetTest extends EventBridgeTargetTestBase {
    static final String GROUP = "/aws/events/alarms";
    static final String GROUP_ARN = "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:" + GROUP;
    String ruleArn;

    @BeforeEach
    void aRule() {
        ruleArn = putRule("to-logs", PATTERN);
    }

    @Test
    void theEventIsOneLogEventInAStreamNamedAfterIt() throws Exception {
        putTarget("to-logs", Target.builder().id("log").arn(GROUP_ARN).build());
        String id = putEvent("{\"state\":\"ALARM\"}");

        assertThat(services.logWrites()).singleElement().satisfies(w -> {
            assertThat(w.accountId()).isEqualTo(ACCOUNT);
            assertThat(w.region()).isEqualTo(REGION);
            assertThat(w.logGroupName()).isEqualTo(GROUP);
            assertThat(w.logStreamName()).isEqualTo(id);
            assertThat(w.createGroup()).as("EventBridge does not create the group").isFalse();
            assertThat(w.principal()).isEqualTo("events.amazonaws.com");
            assertThat(w.sourceArn()).isEqualTo(ruleArn);
            assertThat(w.events()).singleElement().satisfies(e -> {
                assertThat(Json.parse(e.message()).path("id").asText()).isEqualTo(id);
                assertThat(e.timestamp()).isEqualTo(Instant.parse(Json.parse(e.message()).path("time").asText()));
            });
        });
        assertThat(deliveries(id)).singleElement().satisfies(d -> assertThat(d.delivered()).isTrue());
    }

    /** CloudFormation's AWS::Logs::LogGroup Arn ends in ":*"; the same group is meant. */
    @Test
    void theArnMayEndInAWildcard() {
        putTarget("to-logs", Target.builder().id("log").arn(GROUP_ARN + ":*").build());
        putEvent("{}");
        assertThat(services.logWrites()).extracting(PutLogEvents::logGroupName).containsExactly(GROUP);
    }

    @Test
    void aGroupWithoutAResourcePolicyRefuses() {
        services.refuse(GROUP, "AccessDeniedException",
                "The resource policy of log group /aws/events/alarms does not allow events.amazonaws.com.");
        putTarget("to-logs", Target.builder().id("log").arn(GROUP_ARN).build());
        String id = putEvent("{}");
        assertThat(deliveries(id)).singleElement().satisfies(d -> {
            assertThat(d.delivered()).isFalse();
            assertThat(d.errorCode()).isEqualTo("AccessDeniedException");
        });
    }
}
