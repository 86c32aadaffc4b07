package io.selfheal.emulator.core;

/**
 * A {@link BusRequest} answered by one handler per key rather than one per type: several services each answer the
 * same question for their own part (EC2 the configuration of its security groups, S3 of its buckets …). Registered
 * with {@link InternalBus#handle(Class, String, java.util.function.Function)}.
 *
 * @param <R> the type of the answer
 */
public interface KeyedBusRequest<R> extends BusRequest<R> {

    /** Which handler answers it, e.g. a resource type. */
    String key();
}
