package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.messages.ServiceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * The harness's side door for events of AWS services the emulator does not model (GuardDuty findings …): PutEvents
 * refuses {@code aws.*} sources ("Amazon EventBridge events", PutEvents: NotAuthorizedForSourceException), so
 * {@code EventsControl.emit} delivers them as the service would, to the default bus, in the usual envelope.
 */
class EventBridgeServiceEventEmitTest extends EventBridgeTargetTestBase {

    @Test
    void putEventsRefusesAnAwsSourceButEmitDeliversItToMatchingRules() {
        String ruleArn = putRule("guardduty", "{\"source\":[\"aws.guardduty\"],\"detail-type\":[\"GuardDuty Finding\"]}");
        putTarget("guardduty", Target.builder().id("q").arn(QUEUE).build());
        var refused = events.putEvents(r -> r.entries(e -> e.source("aws.guardduty").detailType("GuardDuty Finding")
                .detail("{}")));
        assertThat(refused.entries().get(0).errorCode()).isEqualTo("NotAuthorizedForSourceException");

        control().emit(new ServiceEvent(ACCOUNT, REGION, "aws.guardduty", "GuardDuty Finding", List.of(),
                JsonNodeFactory.instance.objectNode().put("type", "Backdoor:EC2/C&CActivity.B"), null));
        awaitIdle();

        EventRecord record = recorded().stream()
                .filter(e -> e.event().path("source").asText().equals("aws.guardduty")).findFirst().orElseThrow();
        assertThat(record.event().path("detail-type").asText()).isEqualTo("GuardDuty Finding");
        assertThat(record.event().path("account").asText()).isEqualTo(ACCOUNT);
        assertThat(record.event().path("detail").path("type").asText()).isEqualTo("Backdoor:EC2/C&CActivity.B");
        assertThat(record.event().path("id").asText()).isNotBlank();
        assertThat(record.deliveries()).singleElement().satisfies(d -> {
            assertThat(d.ruleArn()).isEqualTo(ruleArn);
            assertThat(d.delivered()).isTrue();
        });
        assertThat(services.messages(QUEUE)).hasSize(1);
    }
}
