package io.selfheal.emulator.http;

import java.util.function.Consumer;

/**
 * Handles one request and answers through {@code reply}, now or later: a Runtime API long poll answers when an
 * invocation arrives, without holding an event-loop thread.
 */
@FunctionalInterface
public interface HttpHandler {
    void handle(HttpRequest request, Consumer<HttpResponse> reply);

    /**
     * Asked on each request's head (its body empty): true to receive the request at once with its body as a
     * {@link StreamedBody}, read as it arrives, instead of aggregated in memory. Must be cheap: every request asks.
     */
    default boolean streamsBody(HttpRequest head) {
        return false;
    }
}
