package io.selfheal.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One timed round of one request against one server over {@code connections} client connections (a thread each):
 * how many calls were answered 200, and how much CPU the server spent meanwhile.
 *
 * @param calls       calls answered 200
 * @param failures    calls answered otherwise, or that failed on the wire
 * @param seconds     wall time of the round
 * @param serverMicros the server's CPU time (user + system) during the round
 * @param systemMicros the part of it spent in the kernel
 */
record LoadRound(long calls, long failures, double seconds, long serverMicros, long systemMicros) {

    static LoadRound run(ServerProcess server, byte[] request, int connections, double seconds)
            throws InterruptedException {
        AtomicLong calls = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long cpuBefore = server.cpuMicros();
        long systemBefore = server.systemMicros();
        long started = System.nanoTime();
        long deadline = started + (long) (seconds * 1e9);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread client = new Thread(() -> drive(server.port(), request, deadline, calls, failures),
                    "bench-client-" + i);
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        return new LoadRound(calls.get(), failures.get(), elapsed, server.cpuMicros() - cpuBefore,
                server.systemMicros() - systemBefore);
    }

    private static void drive(int port, byte[] request, long deadline, AtomicLong calls, AtomicLong failures) {
        try (KeepAliveConnection connection = new KeepAliveConnection(port)) {
            while (System.nanoTime() < deadline) {
                if (connection.exchange(request) == 200) {
                    calls.incrementAndGet();
                } else {
                    failures.incrementAndGet();
                }
            }
        } catch (IOException e) {
            failures.incrementAndGet();
        }
    }

    double callsPerSecond() {
        return calls / seconds;
    }

    /** Server CPU per answered call, in microseconds. */
    double serverMicrosPerCall() {
        return calls == 0 ? Double.NaN : (double) serverMicros / calls;
    }

    /** The kernel's part of {@link #serverMicrosPerCall()}. */
    double systemMicrosPerCall() {
        return calls == 0 ? Double.NaN : (double) systemMicros / calls;
    }
}
