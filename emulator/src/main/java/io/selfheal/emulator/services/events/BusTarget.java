package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.RegionalStore;
import java.util.function.BiConsumer;

/**
 * An event bus as target ("Sending events between event buses in the same account and Region"): the event, unchanged
 * (same id, source, account and time), reaches the other bus and its rules. Delivery is synchronous on the delivery
 * thread, so the forwarded event is matched before the next target of the first bus.
 *
 * <p>"EventBridge can't route events received from a sender event bus to a third event bus": an event that arrived
 * from another bus is not forwarded again. This is also what ends a bus that targets itself after one hop.
 */
final class BusTarget implements TargetSender {
    /** Set while a forwarded event is being routed on its receiving bus (same thread, nested). */
    private static final ThreadLocal<Boolean> FORWARDED = ThreadLocal.withInitial(() -> false);

    private final RegionalStore<EventsState> states;
    private final BiConsumer<EventBus, ObjectNode> dispatch;

    /**
     * @param states   where the target bus is looked up
     * @param dispatch routes an event on a bus now, on the calling thread
     */
    BusTarget(RegionalStore<EventsState> states, BiConsumer<EventBus, ObjectNode> dispatch) {
        this.states = states;
        this.dispatch = dispatch;
    }

    @Override
    public Outcome send(Send s) {
        if (FORWARDED.get()) {
            return Outcome.failed("ValidationException", "Event " + EventEnvelope.id(s.event()) + " reached bus "
                    + s.bus().name() + " from another event bus, and EventBridge can't route events received from "
                    + "a sender event bus to a third event bus.", false);
        }
        EventBus target;
        try {
            target = states.get(s.kind().account(), s.kind().region())
                    .bus(s.kind().account(), s.kind().region(), s.kind().name());
        } catch (AwsException missing) {
            return Outcome.failed(missing.code(), missing.getMessage(), false);
        }
        FORWARDED.set(true);
        try {
            dispatch.accept(target, s.event());
            return Outcome.ok();
        } finally {
            FORWARDED.set(false);
        }
    }
}
