package io.selfheal.emulator.services.lambda.runtime;

import io.selfheal.emulator.http.HttpServerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;

/**
 * What every sandbox of one emulator shares: where to start Runtime API listeners, the scheduler for timeouts, and
 * the language runtimes, and a private work directory (sandbox output files, extracted runtimes) that is deleted on close.
 */
public final class RuntimeHost implements AutoCloseable {
    private final String host;
    private final HttpServerFactory servers;
    private final ScheduledExecutorService scheduler;
    private final Path workDirectory;
    /** Per language, created on first use: an emulator that never runs a Python function never looks for one. */
    private final Map<RuntimeCatalog.Factory, LanguageRuntime> runtimes = new ConcurrentHashMap<>();

    /**
     * @param host          the interface the Runtime API listeners bind to (the emulator's)
     * @param workDirectory a directory this host owns; deleted on {@link #close()}
     */
    public RuntimeHost(String host, HttpServerFactory servers, ScheduledExecutorService scheduler,
                       Path workDirectory) {
        this.host = host;
        this.servers = servers;
        this.scheduler = scheduler;
        this.workDirectory = workDirectory;
    }

    String host() {
        return host;
    }

    HttpServerFactory servers() {
        return servers;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    Path workDirectory() {
        return workDirectory;
    }

    /** The language runtime of a catalogued identifier. */
    LanguageRuntime runtime(String identifier) {
        RuntimeCatalog.Entry entry = RuntimeCatalog.find(identifier).orElseThrow(() ->
                new IllegalArgumentException("not a runtime selfheal runs: " + identifier));
        return runtimes.computeIfAbsent(entry.factory(), f -> f.apply(workDirectory));
    }

    /** Why this machine cannot run {@code identifier}'s functions (what to install), or null when it can. */
    public String unavailable(String identifier) {
        return runtime(identifier).unavailable(RuntimeCatalog.find(identifier).orElseThrow());
    }

    /** Which entries of a deployment package {@code identifier}'s runtime reads from the package unextracted. */
    public Predicate<String> keptInPackage(String identifier) {
        return runtime(identifier)::keepsInPackage;
    }

    Path sandboxDirectory() {
        try {
            return Files.createDirectories(workDirectory.resolve("sandboxes"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        deleteRecursively(workDirectory);
    }

    /** Deletes a directory tree, ignoring what cannot be deleted (it is all temporary). */
    public static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }
}
