package io.selfheal.emulator.services.events;

import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.EventsControl;
import io.selfheal.emulator.core.InternalBus;
import io.selfheal.emulator.messages.ServiceEvent;
import java.util.List;

/** The harness's view of EventBridge: the event log, and at-least-once redelivery on demand. */
final class EventsControlImpl implements EventsControl {
    private final EventLog log;
    private final EventDispatcher dispatcher;
    private final InternalBus bus;

    EventsControlImpl(EventLog log, EventDispatcher dispatcher, InternalBus bus) {
        this.log = log;
        this.dispatcher = dispatcher;
        this.bus = bus;
    }

    /** Published on the internal bus like CloudWatch's and EC2's own events, so it counts as in-flight work. */
    @Override
    public void emit(ServiceEvent event) {
        bus.publish(event);
    }

    @Override
    public List<EventRecord> events() {
        return log.records();
    }

    /** Delivers synchronously: the returned record already holds every delivery attempt. */
    @Override
    public EventRecord redeliver(String eventId) {
        EventLog.Entry entry = log.latest(eventId);
        if (entry == null) {
            throw new IllegalArgumentException("no event with id " + eventId + " reached a bus"
                    + " (or it is older than the events retained: see the retention of 'events')");
        }
        return dispatcher.redeliverNow(entry.bus(), entry.record().event());
    }
}
