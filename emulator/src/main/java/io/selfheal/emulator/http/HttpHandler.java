package io.selfheal.emulator.http;

import java.util.function.Consumer;

/**
 * Handles one request and answers through {@code reply}, now or later: a Runtime API long poll answers when an
 * invocation arrives, without holding an event-loop thread.
 */
@FunctionalInterface
public interface HttpHandler {
    void handle(HttpRequest request, Consumer<HttpResponse> reply);
}
