package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.EventRecord.TargetDelivery;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.EventsBacklog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes events that reached a bus: records each in the {@link EventLog}, matches it against the bus's enabled
 * rules and delivers it to every target of every matching rule. Delivery is counted as in-flight work from the
 * moment the event is accepted until every first attempt has been made, so "wait until idle" covers it; retries
 * wait on the clock (see {@link Retries}). Nothing
 * thrown while delivering escapes: every failure becomes a visible {@link TargetDelivery} error.
 *
 * <p>Asynchronous events (PutEvents, schedules) are matched on the thread that accepted them (so requests on
 * different connections match in parallel), then delivered on {@link #lanes} threads chosen by rule: each rule's
 * targets receive events in the order the bus received them, while different rules deliver in parallel — AWS orders
 * nothing across rules. The backlog (events accepted and not yet
 * delivered) is bounded: PutEvents asks {@link #admits} first and answers {@code ThrottlingException} when it is full.
 */
final class EventDispatcher {
    private static final Logger LOG = Logger.getLogger(EventDispatcher.class.getName());
    static final String EVENTS_PRINCIPAL = "events.amazonaws.com";

    private final EmulatorContext context;
    private final EventLog log;
    private final EventsMetrics metrics;
    private final int backlogLimit;
    /** Events accepted asynchronously whose deliveries have not all been attempted yet. */
    private final AtomicInteger backlog = new AtomicInteger();
    /**
     * One ordered delivery thread per lane; a rule always delivers on the same lane. Under load a lane drains its
     * queue without parking.
     */
    private final ExecutorService[] lanes;

    private volatile TargetDeliveries targets;

    EventDispatcher(EmulatorContext context, EventLog log) {
        this(context, log, EventsMetrics.NONE, EventsBacklog.DEFAULT);
    }

    EventDispatcher(EmulatorContext context, EventLog log, EventsMetrics metrics, EventsBacklog settings) {
        this.context = context;
        this.log = log;
        this.metrics = metrics;
        this.backlogLimit = settings.events();
        lanes = new ExecutorService[settings.lanes()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = Executors.newSingleThreadExecutor(
                    new io.netty.util.concurrent.DefaultThreadFactory("selfheal-events-" + i, true));
        }
    }

    /** How events reach targets; set once, before the first event (the senders need this dispatcher). */
    void targets(TargetDeliveries deliveries) {
        this.targets = deliveries;
    }

    void close() {
        for (ExecutorService lane : lanes) {
            lane.shutdownNow();
        }
    }

    /**
     * Whether {@code events} more events fit in the backlog. A check, not a reservation: requests answered at the same
     * instant may overshoot the limit by their own entries (at most ten each).
     */
    boolean admits(int events) {
        return backlog.get() + events <= backlogLimit;
    }

    /** Events accepted and not yet delivered. */
    int backlog() {
        return backlog.get();
    }

    /** Records (and archives) the events now, in order, and delivers them to matching rules on other threads. */
    void dispatchAsync(EventBus bus, List<ObjectNode> events) {
        if (events.isEmpty()) {
            return;
        }
        Instant received = context.clock().now();
        List<EventRecord> records = new ArrayList<>(events.size());
        for (ObjectNode event : events) {
            records.add(record(bus, event, received, true, EventLog.IN_ARRIVAL_ORDER));
        }
        backlog.addAndGet(records.size());
        for (EventRecord r : records) {
            route(bus, r, matchingRules(bus, r), true);
        }
    }

    /**
     * A scheduled rule fires: its "Scheduled Event" goes to that rule's targets only, never matched against other
     * rules and not archived, asynchronously like PutEvents.
     */
    void dispatchToRule(EventBus bus, Rule rule, ObjectNode event) {
        EventRecord record = record(bus, event, context.clock().now(), false, EventLog.IN_ARRIVAL_ORDER);
        backlog.incrementAndGet();
        route(bus, record, List.of(rule), false);
    }

    /** A pattern that breaks the matcher loses its event, visibly in the log, not the caller's request. */
    private static List<Rule> matchingRules(EventBus bus, EventRecord record) {
        try {
            return bus.matchingRules(record.event());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "matching event " + record.eventId() + " failed", e);
            return List.of();
        }
    }

    /** Hands each matching rule's deliveries to its lane, in the order the bus received the events. */
    private void route(EventBus bus, EventRecord record, List<Rule> rules, boolean matched) {
        if (rules.isEmpty()) {
            backlog.decrementAndGet();
            return;
        }
        Map<Integer, List<Rule>> byLane = new LinkedHashMap<>();
        for (Rule rule : rules) {
            byLane.computeIfAbsent(Math.floorMod(rule.arn().hashCode(), lanes.length), l -> new ArrayList<>(1))
                    .add(rule);
        }
        AtomicInteger unfinished = new AtomicInteger(byLane.size());
        boolean first = true;
        for (Map.Entry<Integer, List<Rule>> lane : byLane.entrySet()) {
            boolean countsMatchedEvent = matched && first;
            first = false;
            run(lanes[lane.getKey()], () -> {
                try {
                    deliver(bus, record, lane.getValue(), matched, countsMatchedEvent);
                } finally {
                    if (unfinished.decrementAndGet() == 0) {
                        backlog.decrementAndGet();
                    }
                }
            });
        }
    }

    /** Records (and archives) the event and delivers it on the calling thread; returns the record. */
    EventRecord dispatchNow(EventBus bus, ObjectNode event) {
        return dispatchNow(bus, event, EventLog.IN_ARRIVAL_ORDER);
    }

    /** {@link #dispatchNow(EventBus, ObjectNode)}, logged at {@code order} among the events of its instant. */
    EventRecord dispatchNow(EventBus bus, ObjectNode event, long order) {
        return now(bus, event, true, b -> true, order);
    }

    /** Delivers an event again on the calling thread, as at-least-once delivery may: not archived a second time. */
    EventRecord redeliverNow(EventBus bus, ObjectNode event) {
        return now(bus, event, false, b -> true, EventLog.IN_ARRIVAL_ORDER);
    }

    /**
     * A replayed event (carrying {@code replay-name}) on the calling thread, to the matching rules that
     * {@code ruleFilter} accepts (StartReplay's FilterArns); replayed events are never archived again.
     */
    EventRecord replayNow(EventBus bus, ObjectNode event, Predicate<Rule> ruleFilter) {
        return now(bus, event, false, ruleFilter, EventLog.IN_ARRIVAL_ORDER);
    }

    private EventRecord now(EventBus bus, ObjectNode event, boolean archive, Predicate<Rule> ruleFilter, long order) {
        context.activity().begin();
        try {
            EventRecord record = record(bus, event, context.clock().now(), archive, order);
            List<Rule> rules = bus.matchingRules(record.event()).stream().filter(ruleFilter).toList();
            deliver(bus, record, rules, true, true);
            return record;
        } finally {
            context.activity().end();
        }
    }

    /** Runs {@code work} on {@code thread}, counted as in-flight work until it has run. */
    private void run(ExecutorService thread, Runnable work) {
        context.activity().begin();
        try {
            thread.execute(() -> {
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

    private EventRecord record(EventBus bus, ObjectNode event, Instant received, boolean archive, long order) {
        EventRecord record = new EventRecord(EventEnvelope.id(event), bus.arn(), event, received,
                new CopyOnWriteArrayList<>());
        log.add(record, bus, order);
        if (archive) {
            bus.archive(event, received);
        }
        return record;
    }

    /**
     * Delivers to every target of {@code rules}, then publishes the AWS/Events metrics of what happened.
     *
     * @param matched whether the rules matched the event (false for a scheduled rule firing: no MatchedEvents)
     * @param countsMatchedEvent whether these deliveries count the event's own MatchedEvents (once per event, by
     *                           the first of the lanes it is delivered on)
     */
    private void deliver(EventBus bus, EventRecord record, List<Rule> rules, boolean matched,
                         boolean countsMatchedEvent) {
        EventsMetrics.Counts counts = metrics.counts(bus, record.received(), countsMatchedEvent);
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
        EventsMetrics.Counts counts = metrics.counts(bus, context.clock().now(), false);
        counts.invoked(rule, delivered);
        counts.publish();
    }
}
