package io.selfheal.emulator.http;

/** Starts extra HTTP listeners on the emulator's event loops (e.g. a Runtime API endpoint per function sandbox). */
@FunctionalInterface
public interface HttpServerFactory {
    /** @param port 0 for any free port */
    NettyHttpServer start(int port, HttpHandler handler);
}
