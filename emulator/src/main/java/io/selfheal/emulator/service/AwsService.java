package io.selfheal.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** One emulated AWS service as the front door sees it. */
public interface AwsService extends AutoCloseable {
    /** The service's primary protocol (its signing name names the service in the call log). */
    io.selfheal.emulator.protocol.ServiceDescriptor descriptor();

    /**
     * Every protocol the service answers in, e.g. SQS's AWS JSON (current SDKs) and query (older SDKs and CLIs).
     * All share the signing name and the operations.
     */
    default java.util.List<io.selfheal.emulator.protocol.ServiceDescriptor> protocols() {
        return java.util.List.of(descriptor());
    }

    /**
     * For services whose query shapes differ from their JSON shapes (SQS: renamed, flattened lists and maps): turns
     * an operation's JSON-shaped result into the tree the query codec writes. Called for query requests only.
     */
    default JsonNode queryResult(String operation, JsonNode result) {
        return result;
    }

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
