package io.selfheal.emulator;

import io.selfheal.emulator.core.BusRequest;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.InternalBus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;

/**
 * A test's hands on an emulator's internal bus, with no stand-in service: records the messages published of the
 * types a test {@link #record records} (an AWS service's events, metrics), stands in for the service answering a
 * request type ({@link #answer}: registered after the built-in services, so it wins), and publishes or asks as a
 * service would.
 */
public final class BusProbe {
    /** Per type, the recorded messages by their publication number, so subscribers running concurrently keep order. */
    private final Map<Class<?>, ConcurrentSkipListMap<Long, Object>> recorded = new ConcurrentHashMap<>();
    private volatile EmulatorContext context;

    /** Emulator.Builder#afterServices hook. */
    void attach(EmulatorContext emulatorContext) {
        context = emulatorContext;
        recorded.keySet().forEach(this::subscribe);
    }

    /** Starts recording the messages of {@code type} (before or after the emulator starts). */
    public <T> BusProbe record(Class<T> type) {
        if (recorded.putIfAbsent(type, new ConcurrentSkipListMap<>()) == null && context != null) {
            subscribe(type);
        }
        return this;
    }

    /**
     * Every recorded message of {@code type}, in the order it was published (not the order the bus's subscribers
     * happened to run); starts recording it if nobody asked before.
     */
    public <T> List<T> published(Class<T> type) {
        record(type);
        return recorded.get(type).values().stream().map(type::cast).toList();
    }

    /** Answers every request of {@code type} instead of the service that would. */
    public <Q extends BusRequest<R>, R> BusProbe answer(Class<Q> type, Function<? super Q, ? extends R> handler) {
        bus().handle(type, handler);
        return this;
    }

    public void publish(Object message) {
        bus().publish(message);
    }

    public InternalBus bus() {
        return context().bus();
    }

    /** The emulator's context: its clock, identities and components as services see them. */
    public EmulatorContext context() {
        EmulatorContext c = context;
        if (c == null) {
            throw new IllegalStateException("the emulator has not started");
        }
        return c;
    }

    /** Forgets what was recorded (between tests on one emulator). */
    void clear() {
        recorded.values().forEach(Map::clear);
    }

    private void subscribe(Class<?> type) {
        context.bus().subscribeInOrder(type, (m, number) -> recorded.get(type).put(number, m));
    }
}
