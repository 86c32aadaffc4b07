package io.selfheal.emulator.core;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The bus between services. Cross-service effects (an alarm transition reaching EventBridge, EventBridge invoking
 * a function) travel here as typed messages instead of direct calls, so services stay independent packages and
 * there is one place that sees, counts and (later) orders everything that happens asynchronously.
 * <ul>
 *   <li>{@link #publish}: fire-and-forget to every subscriber of the message's type, asynchronously, tracked as
 *       in-flight work until each subscriber has run; each message is numbered per type on the publishing thread,
 *       so a subscriber that must keep publication order although subscribers run concurrently
 *       ({@link #subscribeInOrder}) can;</li>
 *   <li>{@link #ask}: a synchronous, typed {@link BusRequest} to the single handler of its type; a
 *       {@link NoHandlerException} when there is none; a {@link KeyedBusRequest} goes to the handler of its type and
 *       key.</li>
 * </ul>
 */
public final class InternalBus {
    private static final Logger LOG = Logger.getLogger(InternalBus.class.getName());

    private final Map<Class<?>, List<ObjLongConsumer<Object>>> subscribers = new ConcurrentHashMap<>();
    /** The number of the last message published, per message type. */
    private final Map<Class<?>, AtomicLong> published = new ConcurrentHashMap<>();
    private final Map<Class<?>, Function<Object, Object>> handlers = new ConcurrentHashMap<>();
    private final Map<HandlerKey, Function<Object, Object>> keyedHandlers = new ConcurrentHashMap<>();
    private final Executor executor;
    private final ActivityTracker activity;

    public InternalBus(Executor executor, ActivityTracker activity) {
        this.executor = executor;
        this.activity = activity;
    }

    public <T> void subscribe(Class<T> type, Consumer<? super T> subscriber) {
        subscribeInOrder(type, (T m, long number) -> subscriber.accept(m));
    }

    /**
     * Like {@link #subscribe}, and the subscriber also receives the message's number: 1, 2, 3 … per message type, in
     * the order {@link #publish} was called, whichever order the subscribers then run in.
     */
    @SuppressWarnings("unchecked")
    public <T> void subscribeInOrder(Class<T> type, ObjLongConsumer<? super T> subscriber) {
        subscribers.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>())
                .add((m, number) -> subscriber.accept((T) m, number));
    }

    public void publish(Object message) {
        List<ObjLongConsumer<Object>> receivers = subscribers.getOrDefault(message.getClass(), List.of());
        if (receivers.isEmpty()) {
            return;
        }
        long number = published.computeIfAbsent(message.getClass(), t -> new AtomicLong()).incrementAndGet();
        for (ObjLongConsumer<Object> subscriber : receivers) {
            executor.execute(activity.track(() -> {
                try {
                    subscriber.accept(message, number);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "bus subscriber failed on " + message.getClass().getSimpleName(), e);
                }
            }));
        }
    }

    /**
     * Registers the handler of a request type. The last registration wins, so a test (or an extension added with
     * {@code Emulator.builder().service(…)} or {@code afterServices(…)}, after the built-in services) can stand in
     * for a service.
     */
    @SuppressWarnings("unchecked")
    public <Q extends BusRequest<R>, R> void handle(Class<Q> requestType, Function<? super Q, ? extends R> handler) {
        handlers.put(requestType, q -> handler.apply((Q) q));
    }

    /** Registers the handler of one key of a keyed request type; the last registration of a key wins. */
    @SuppressWarnings("unchecked")
    public <Q extends KeyedBusRequest<R>, R> void handle(Class<Q> requestType, String key,
                                                         Function<? super Q, ? extends R> handler) {
        keyedHandlers.put(new HandlerKey(requestType, key), q -> handler.apply((Q) q));
    }

    /**
     * Asks the one handler of the request's type (and key, for a {@link KeyedBusRequest}), on the caller's thread.
     *
     * @throws NoHandlerException when no service handles the type (or key); whatever the handler throws otherwise,
     *                            unchanged
     */
    @SuppressWarnings("unchecked")
    public <R> R ask(BusRequest<R> request) {
        Function<Object, Object> handler = request instanceof KeyedBusRequest<?> keyed
                ? keyedHandlers.get(new HandlerKey(request.getClass(), keyed.key()))
                : handlers.get(request.getClass());
        if (handler == null) {
            throw new NoHandlerException(request.getClass());
        }
        return (R) handler.apply(request);
    }

    private record HandlerKey(Class<?> type, String key) {
    }
}
