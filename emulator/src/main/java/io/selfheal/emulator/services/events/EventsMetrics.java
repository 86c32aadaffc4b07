package io.selfheal.emulator.services.events;

import io.selfheal.emulator.core.InternalBus;
import io.selfheal.emulator.messages.PutMetricData;
import io.selfheal.emulator.messages.PutMetricData.Datum;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code AWS/Events} metrics ("Monitoring Amazon EventBridge"), published to CloudWatch over the internal bus as
 * one {@link PutMetricData} per routed event:
 * <ul>
 *   <li>{@code MatchedEvents}: once without dimensions for an event that matched any rule, and once per matching
 *       rule;</li>
 *   <li>{@code TriggeredRules}: once per rule that ran (matched, or fired by its schedule);</li>
 *   <li>{@code Invocations}: once per target an event was delivered to or given up on, per rule and without
 *       dimensions ("None, RuleName"); a retried delivery counts once, when it settles;</li>
 *   <li>{@code FailedInvocations}: once per target delivery that failed for good, per rule;</li>
 *   <li>{@code RetryInvocationAttempts}: once per retry of a target delivery, per rule, when it is made;</li>
 *   <li>{@code InvocationsSentToDlq} and {@code InvocationsFailedToBeSentToDlq}: once per undelivered event sent
 *       (or not: refused by the queue's policy, the queue missing) to the target's dead-letter queue, per rule.</li>
 * </ul>
 * A rule's dimensions are {@code RuleName} on the default bus and {@code EventBusName} + {@code RuleName} on a
 * custom bus ("Metrics that specify both the EventBusName and RuleName dimensions refer to a custom event bus").
 * As on AWS, nothing is sent for a count of zero. All are {@code Count}s.
 */
final class EventsMetrics {
    static final String NAMESPACE = "AWS/Events";
    /** For dispatchers built without a bus (unit tests): counts nothing. */
    static final EventsMetrics NONE = new EventsMetrics(null);

    private final InternalBus bus;

    EventsMetrics(InternalBus bus) {
        this.bus = bus;
    }

    /** Publishes one count of {@code metric} for {@code rule} at {@code time} (a retry, a dead letter). */
    void count(EventBus eventBus, Rule rule, String metric, Instant time) {
        Counts counts = new Counts(eventBus, time, false);
        counts.add(metric, counts.dimensions(rule));
        counts.publish();
    }

    /**
     * Counts for one routed event on {@code eventBus}, published together.
     *
     * @param countsMatchedEvent whether a match counts the event's dimensionless MatchedEvents here */
    Counts counts(EventBus eventBus, Instant time, boolean countsMatchedEvent) {
        return new Counts(eventBus, time, countsMatchedEvent);
    }

    /** What happened to one event on one delivery lane. Used by the one thread delivering it there. */
    final class Counts {
        private final EventBus eventBus;
        private final Instant time;
        /** Metric name → dimensions → count, in the order first seen. */
        private final Map<String, Map<Map<String, String>, Integer>> counts = new LinkedHashMap<>();
        private boolean anyMatch;

        private Counts(EventBus eventBus, Instant time, boolean countsMatchedEvent) {
            this.eventBus = eventBus;
            this.time = time;
            this.anyMatch = !countsMatchedEvent;
        }

        void triggered(Rule rule, boolean matched) {
            if (matched) {
                if (!anyMatch) {
                    anyMatch = true;
                    add("MatchedEvents", Map.of());
                }
                add("MatchedEvents", dimensions(rule));
            }
            add("TriggeredRules", dimensions(rule));
        }

        void invoked(Rule rule, boolean delivered) {
            add("Invocations", dimensions(rule));
            add("Invocations", Map.of());
            if (!delivered) {
                add("FailedInvocations", dimensions(rule));
            }
        }

        private void add(String metric, Map<String, String> dimensions) {
            counts.computeIfAbsent(metric, m -> new LinkedHashMap<>()).merge(dimensions, 1, Integer::sum);
        }

        private Map<String, String> dimensions(Rule rule) {
            Map<String, String> dims = new LinkedHashMap<>();
            if (!eventBus.name().equals(EventsState.DEFAULT_BUS)) {
                dims.put("EventBusName", eventBus.name());
            }
            dims.put("RuleName", rule.name());
            return Collections.unmodifiableMap(dims);
        }

        void publish() {
            if (bus == null || counts.isEmpty()) {
                return;
            }
            List<Datum> data = new ArrayList<>();
            counts.forEach((metric, byDims) -> byDims.forEach((dims, n) ->
                    data.add(new Datum(metric, dims, n, "Count", time))));
            bus.publish(new PutMetricData(eventBus.accountId(), eventBus.region(), NAMESPACE, data));
        }
    }
}
