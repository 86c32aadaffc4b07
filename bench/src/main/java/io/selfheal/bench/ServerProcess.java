package io.selfheal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An emulator started as its own process on a loopback port, measured from outside as an operator would: CPU time
 * (user + system, all threads) and resident memory from {@code /proc/<pid>}, and how long from process start until
 * its first successful call.
 */
final class ServerProcess implements AutoCloseable {
    /** Linux's USER_HZ: /proc reports CPU time in these ticks on every architecture the JDK runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private final String name;
    private final int port;
    private final Process process;
    private final long startedNanos;

    private ServerProcess(String name, int port, Process process, long startedNanos) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /** Starts {@code command}; its output goes to {@code log} (overwritten). */
    static ServerProcess start(String name, int port, List<String> command, Path log) {
        long started = System.nanoTime();
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new ServerProcess(name, port, process, started);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /**
     * Sends {@code request} until it is answered 200 (the port may not be bound yet), and returns the milliseconds
     * from process start to that answer.
     */
    long awaitFirstCall(byte[] request, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before answering");
            }
            try (KeepAliveConnection connection = new KeepAliveConnection(port)) {
                if (connection.exchange(request) == 200) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
                }
            } catch (IOException notYetListening) {
                // keep polling
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException(name + " did not answer within " + timeoutMillis + " ms");
    }

    /** CPU time the process has used so far, user plus system, in microseconds. */
    long cpuMicros() {
        return userMicros() + systemMicros();
    }

    /** CPU time spent in the kernel on the process's behalf (sockets, wake-ups), in microseconds. */
    long systemMicros() {
        return statTicks(12) * 1_000_000 / TICKS_PER_SECOND;
    }

    private long userMicros() {
        return statTicks(11) * 1_000_000 / TICKS_PER_SECOND;
    }

    /** A field of /proc/pid/stat counted from the one after the command name (utime is 11, stime 12). */
    private long statTicks(int field) {
        String stat = read("stat");
        // The command name may contain spaces: the fields that follow start after its closing parenthesis.
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[field]);
    }

    /** Resident set size in KiB. */
    long rssKib() {
        for (String line : read("status").split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + name);
    }

    private String read(String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), file));
        } catch (IOException e) {
            throw new UncheckedIOException(name + " is gone", e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
