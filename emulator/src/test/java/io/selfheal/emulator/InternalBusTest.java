package io.selfheal.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.EventsControl;
import io.selfheal.emulator.core.NoHandlerException;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.SendToQueue;
import io.selfheal.emulator.services.sqs.SqsService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Asking over the bus: nobody answering is a {@link NoHandlerException}, told apart from a handler that fails for
 * its own reason, and EventBridge records the two differently (ServiceUnavailable, InternalFailure).
 */
class InternalBusTest {
    private static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:orders";

    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.realTime().configure(b -> b.without(SqsService.Provider.class));

    @Test
    void askingWhatNoServiceAnswersFailsLoudlyNamingTheRequest() {
        assertThatThrownBy(() -> aws.bus().bus().ask(send()))
                .isInstanceOf(NoHandlerException.class)
                .hasMessageContaining("SendToQueue")
                .satisfies(e -> assertThat(((NoHandlerException) e).requestType()).isEqualTo(SendToQueue.class));
    }

    @Test
    void aKeyedRequestReachesOnlyTheHandlerOfItsKey() {
        var answer = new io.selfheal.emulator.messages.DescribeResourceConfigurations.Result(List.of());
        aws.bus().bus().handle(io.selfheal.emulator.messages.DescribeResourceConfigurations.class, "Test::Made::Up",
                q -> answer);
        assertThat(aws.bus().bus().ask(new io.selfheal.emulator.messages.DescribeResourceConfigurations(
                "123456789012", "us-east-1", "Test::Made::Up"))).isSameAs(answer);
        assertThatThrownBy(() -> aws.bus().bus().ask(new io.selfheal.emulator.messages.DescribeResourceConfigurations(
                "123456789012", "us-east-1", "Test::Made::Other")))
                .isInstanceOf(NoHandlerException.class).hasMessageContaining("DescribeResourceConfigurations");
    }

    @Test
    void aHandlersOwnFailureReachesTheAskerUnchanged() {
        aws.bus().answer(SendToQueue.class, q -> {
            throw new IllegalStateException("queue store closed");
        });
        assertThatThrownBy(() -> aws.bus().bus().ask(send()))
                .isExactlyInstanceOf(IllegalStateException.class).hasMessage("queue store closed");
    }

    @Test
    void theAnswerIsTypedByTheRequest() {
        aws.bus().answer(SendToQueue.class, q -> Delivery.accepted("m-1"));
        Delivery d = aws.bus().bus().ask(send());
        assertThat(d.accepted()).isTrue();
        assertThat(d.id()).isEqualTo("m-1");
    }

    @Test
    void eventBridgeTellsAMissingServiceFromAFailingOne(EventBridgeClient events) {
        events.putRule(r -> r.name("orders").eventPattern("{\"source\":[\"shop\"]}"));
        // No retries: a failed first attempt settles the delivery.
        events.putTargets(r -> r.rule("orders").targets(t -> t.id("q").arn(QUEUE)
                .retryPolicy(p -> p.maximumRetryAttempts(0))));

        events.putEvents(r -> r.entries(e -> e.source("shop").detailType("order").detail("{}")));
        assertThat(aws.emulator().control().awaitIdle(Duration.ofSeconds(10))).isTrue();
        aws.bus().answer(SendToQueue.class, q -> {
            throw new IllegalStateException("queue store closed");
        });
        events.putEvents(r -> r.entries(e -> e.source("shop").detailType("order").detail("{}")));
        assertThat(aws.emulator().control().awaitIdle(Duration.ofSeconds(10))).isTrue();

        List<EventRecord> recorded = aws.emulator().control().component(EventsControl.class).events().stream()
                .filter(r -> r.event().path("source").asText().equals("shop")).toList();
        assertThat(recorded).hasSize(2);
        assertThat(recorded.get(0).deliveries()).singleElement()
                .satisfies(d -> assertThat(d.errorCode()).isEqualTo("ServiceUnavailable"));
        assertThat(recorded.get(1).deliveries()).singleElement()
                .satisfies(d -> assertThat(d.errorCode()).isEqualTo("InternalFailure"));
    }

    private static SendToQueue send() {
        return new SendToQueue(QUEUE, "{}", Map.of(), null, null, "events.amazonaws.com", null);
    }
}
