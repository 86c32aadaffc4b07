package io.selfheal.emulator.service;

import java.util.List;
import java.util.Map;

/** One emulated AWS service as the front door sees it. */
public interface AwsService extends AutoCloseable {
    io.selfheal.emulator.protocol.ServiceDescriptor descriptor();

    /** Operations by AWS operation name. */
    Map<String, Operation> operations();

    /** For REST protocols: the HTTP binding of each operation. */
    default List<RestRoute> routes() {
        return List.of();
    }

    /**
     * Whether an operation may block (wait on a function, write files). Others run on the front door's event loop,
     * which saves two thread hand-offs per call; an operation that blocks without saying so stalls the port.
     */
    default boolean blocking(String operation) {
        return false;
    }

    /** Forget all state (every account and region). */
    default void reset() {
    }

    @Override
    default void close() {
    }
}
