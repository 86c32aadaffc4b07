package io.selfheal.emulator.core;

/**
 * A request one service asks another over the {@link InternalBus}, typed by its answer: {@code R r =
 * bus.ask(request)}. Exactly one service handles each request type.
 *
 * @param <R> the type of the answer
 */
public interface BusRequest<R> {
}
