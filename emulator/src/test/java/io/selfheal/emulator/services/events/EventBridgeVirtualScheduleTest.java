package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.services.cloudtrail.CloudTrailService;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * Scheduled rules on a virtual clock fire exactly when time is advanced through their instant — deterministic, with
 * no real-time wake-up involved ("Creating a rule that runs on a schedule": a rate starts when the rule is created).
 */
class EventBridgeVirtualScheduleTest {
    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StandInLambda lambda = new StandInLambda();

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.virtualTime(START).perTest()
            .configure(b -> b.without(CloudTrailService.Provider.class));

    @Test
    void aRateRuleFiresAtEachPeriodWhileVirtualTimeIsAdvanced(EventBridgeClient events) throws Exception {
        lambda.answerOn(AWS.bus());
        events.putRule(r -> r.name("every-5").scheduleExpression("rate(5 minutes)"));
        events.putTargets(r -> r.rule("every-5").targets(Target.builder().id("fn")
                .arn(EventBridgeTestBase.FUNCTION).build()));

        AWS.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(lambda.payloads(EventBridgeTestBase.FUNCTION)).as("not before the first period").isEmpty();

        AWS.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertThat(lambda.payloads(EventBridgeTestBase.FUNCTION))
                .extracting(p -> JSON.readTree(p).get("time").asText())
                .containsExactly("2026-03-01T12:05:00Z", "2026-03-01T12:10:00Z", "2026-03-01T12:15:00Z");
    }
}
