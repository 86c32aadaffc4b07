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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes events that reached a bus: records each in the {@link EventLog}, matches it against the bus's enabled
 * rules and delivers it to every target of every matching rule. Delivery is counted as in-flight work from the
 * moment the event is accepted until every delivery has been attempted, so "wait until idle" covers it. Nothing
 * thrown while delivering escapes: every failure becomes a visible {@link TargetDelivery} error.
 */
final class EventDispatcher {
    private static final Logger LOG = Logger.getLogger(EventDispatcher.class.getName());
    static final String EVENTS_PRINCIPAL = "events.amazonaws.com";

    private final EmulatorContext context;
    private final EventLog log;
    /**
     * One ordered delivery thread: events reach targets in the order the buses received them, and under load the
     * thread drains its queue without parking, where handing each event to a pooled thread cost a wake-up each.
     */
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(
            new io.netty.util.concurrent.DefaultThreadFactory("selfheal-events", true));

    private volatile TargetDeliveries targets;

    EventDispatcher(EmulatorContext context, EventLog log) {
        this.context = context;
        this.log = log;
    }

    /** How events reach targets; set once, before the first event (the senders need this dispatcher). */
    void targets(TargetDeliveries deliveries) {
        this.targets = deliveries;
    }

    void close() {
        delivery.shutdownNow();
    }

    /** Records the events now (in order) and delivers them on a worker thread. */
    void dispatchAsync(EventBus bus, List<ObjectNode> events) {
        if (events.isEmpty()) {
            return;
        }
        Instant received = context.clock().now();
        List<EventRecord> records = new ArrayList<>(events.size());
        for (ObjectNode event : events) {
            records.add(record(bus, event, received));
        }
        context.activity().begin();
        try {
            delivery.execute(() -> {
                try {
                    records.forEach(r -> deliver(bus, r));
                } finally {
                    context.activity().end();
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            context.activity().end();
        }
    }

    /** Records the event and delivers it on the calling thread; returns the record with its deliveries. */
    EventRecord dispatchNow(EventBus bus, ObjectNode event) {
        context.activity().begin();
        try {
            EventRecord record = record(bus, event, context.clock().now());
            deliver(bus, record);
            return record;
        } finally {
            context.activity().end();
        }
    }

    private EventRecord record(EventBus bus, ObjectNode event, Instant received) {
        EventRecord record = new EventRecord(EventEnvelope.id(event), bus.arn(), event, received,
                new CopyOnWriteArrayList<>());
        log.add(record, bus);
        return record;
    }

    private void deliver(EventBus bus, EventRecord record) {
        try {
            for (Rule rule : bus.matchingRules(record.event())) {
                InputTransformer.Context ctx = new InputTransformer.Context(rule.arn(), rule.name(),
                        EventEnvelope.formatIngestionTime(record.received()));
                for (Target target : rule.targetList()) {
                    record.deliveries().addAll(deliverTo(bus, rule, target, record.event(), ctx));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "routing event " + record.eventId() + " failed", e);
        }
    }

    /** Every attempt to deliver the event to one target (see {@link TargetDeliveries}); never throws. */
    private List<TargetDelivery> deliverTo(EventBus bus, Rule rule, Target target, ObjectNode event,
                                           InputTransformer.Context ctx) {
        return targets.deliver(bus, rule, target, event, ctx);
    }
}
