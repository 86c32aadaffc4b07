package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.EventRecord.TargetDelivery;
import io.selfheal.emulator.core.EmulatorContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes events that reached a bus: records each in the {@link EventLog}, matches it against the bus's enabled
 * rules and delivers it to every target of every matching rule. Delivery is counted as in-flight work from the
 * moment the event is accepted until every first attempt has been made, so "wait until idle" covers it; retries
 * wait on the clock (see {@link Retries}). Nothing
 * thrown while delivering escapes: every failure becomes a visible {@link TargetDelivery} error.
 */
final class EventDispatcher {
    private static final Logger LOG = Logger.getLogger(EventDispatcher.class.getName());
    static final String EVENTS_PRINCIPAL = "events.amazonaws.com";

    private final EmulatorContext context;
    private final EventLog log;
    private final EventsMetrics metrics;
    /**
     * One ordered delivery thread: events reach targets in the order the buses received them, and under load the
     * thread drains its queue without parking, where handing each event to a pooled thread cost a wake-up each.
     */
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(
            new io.netty.util.concurrent.DefaultThreadFactory("selfheal-events", true));

    private volatile TargetDeliveries targets;

    EventDispatcher(EmulatorContext context, EventLog log) {
        this(context, log, EventsMetrics.NONE);
    }

    EventDispatcher(EmulatorContext context, EventLog log, EventsMetrics metrics) {
        this.context = context;
        this.log = log;
        this.metrics = metrics;
    }

    /** How events reach targets; set once, before the first event (the senders need this dispatcher). */
    void targets(TargetDeliveries deliveries) {
        this.targets = deliveries;
    }

    void close() {
        delivery.shutdownNow();
    }

    /** Records (and archives) the events now, in order, and delivers them to matching rules on a worker thread. */
    void dispatchAsync(EventBus bus, List<ObjectNode> events) {
        if (events.isEmpty()) {
            return;
        }
        Instant received = context.clock().now();
        List<EventRecord> records = new ArrayList<>(events.size());
        for (ObjectNode event : events) {
            records.add(record(bus, event, received, true));
        }
        enqueue(() -> records.forEach(r -> deliver(bus, r, bus.matchingRules(r.event()), true)));
    }

    /**
     * A scheduled rule fires: its "Scheduled Event" goes to that rule's targets only, never matched against other
     * rules and not archived, asynchronously like PutEvents.
     */
    void dispatchToRule(EventBus bus, Rule rule, ObjectNode event) {
        EventRecord record = record(bus, event, context.clock().now(), false);
        enqueue(() -> deliver(bus, record, List.of(rule), false));
    }

    /** Records (and archives) the event and delivers it on the calling thread; returns the record. */
    EventRecord dispatchNow(EventBus bus, ObjectNode event) {
        return now(bus, event, true, b -> true);
    }

    /** Delivers an event again on the calling thread, as at-least-once delivery may: not archived a second time. */
    EventRecord redeliverNow(EventBus bus, ObjectNode event) {
        return now(bus, event, false, b -> true);
    }

    /**
     * A replayed event (carrying {@code replay-name}) on the calling thread, to the matching rules that
     * {@code ruleFilter} accepts (StartReplay's FilterArns); replayed events are never archived again.
     */
    EventRecord replayNow(EventBus bus, ObjectNode event, Predicate<Rule> ruleFilter) {
        return now(bus, event, false, ruleFilter);
    }

    private EventRecord now(EventBus bus, ObjectNode event, boolean archive, Predicate<Rule> ruleFilter) {
        context.activity().begin();
        try {
            EventRecord record = record(bus, event, context.clock().now(), archive);
            List<Rule> rules = bus.matchingRules(record.event()).stream().filter(ruleFilter).toList();
            deliver(bus, record, rules, true);
            return record;
        } finally {
            context.activity().end();
        }
    }

    /** Runs {@code work} on the ordered delivery thread, counted as in-flight work until it has run. */
    private void enqueue(Runnable work) {
        context.activity().begin();
        try {
            delivery.execute(() -> {
                try {
                    work.run();
                } finally {
                    context.activity().end();
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            context.activity().end();
        }
    }

    private EventRecord record(EventBus bus, ObjectNode event, Instant received, boolean archive) {
        EventRecord record = new EventRecord(EventEnvelope.id(event), bus.arn(), event, received,
                new CopyOnWriteArrayList<>());
        log.add(record, bus);
        if (archive) {
            bus.archive(event, received);
        }
        return record;
    }

    /**
     * Delivers to every target of {@code rules}, then publishes the AWS/Events metrics of what happened.
     *
     * @param matched whether the rules matched the event (false for a scheduled rule firing: no MatchedEvents)
     */
    private void deliver(EventBus bus, EventRecord record, List<Rule> rules, boolean matched) {
        EventsMetrics.Counts counts = metrics.counts(bus, record.received());
        try {
            for (Rule rule : rules) {
                counts.triggered(rule, matched);
                InputTransformer.Context ctx = new InputTransformer.Context(rule.arn(), rule.name(),
                        EventEnvelope.formatIngestionTime(record.received()));
                for (Target target : rule.targetList()) {
                    // Every attempt is recorded; the metric counts the target once, by its final outcome
                    // ("Monitoring Amazon EventBridge": retried attempts count only when they fail for good). A
                    // delivery still retrying is counted when it settles, at that instant.
                    TargetDeliveries.Status status = targets.deliver(bus, rule, target, record, ctx,
                            delivered -> settled(bus, rule, delivered));
                    if (status != TargetDeliveries.Status.RETRYING) {
                        counts.invoked(rule, status == TargetDeliveries.Status.DELIVERED);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "routing event " + record.eventId() + " failed", e);
        }
        counts.publish();
    }

    /** A delivery that was retried settled: its Invocations (and FailedInvocations) now. */
    private void settled(EventBus bus, Rule rule, boolean delivered) {
        EventsMetrics.Counts counts = metrics.counts(bus, context.clock().now());
        counts.invoked(rule, delivered);
        counts.publish();
    }
}
