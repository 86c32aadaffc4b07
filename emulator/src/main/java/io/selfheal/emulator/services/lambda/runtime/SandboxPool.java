package io.selfheal.emulator.services.lambda.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The execution environments of one function (one configuration of it). An invocation goes to a warm sandbox
 * waiting in {@code next}; if none is free a new sandbox is started for it, up to {@code maxSandboxes}; past that
 * it waits in line for the first sandbox to come back. Closing kills every process and waits until each is gone.
 */
public final class SandboxPool implements AutoCloseable {
    /** Per function: enough for bursts in scenarios, few enough for a two-core laptop. */
    public static final int DEFAULT_MAX_SANDBOXES = 10;
    private static final long EXIT_WAIT_SECONDS = 10;

    private final SandboxSpec spec;
    private final RuntimeHost host;
    private final int maxSandboxes;
    private final Deque<Invocation> waiting = new ArrayDeque<>();
    private final List<Sandbox> sandboxes = new ArrayList<>();
    private boolean closed;

    public SandboxPool(SandboxSpec spec, RuntimeHost host, int maxSandboxes) {
        this.spec = spec;
        this.host = host;
        this.maxSandboxes = maxSandboxes;
    }

    public SandboxSpec spec() {
        return spec;
    }

    /** Runs the invocation; the future completes when it is over, whatever the outcome (it never fails). */
    public CompletableFuture<InvocationResult> submit(Invocation invocation) {
        Sandbox fresh = null;
        synchronized (this) {
            if (closed) {
                invocation.complete(stopped(invocation));
                return invocation.result();
            }
            for (Sandbox sandbox : sandboxes) {
                if (sandbox.idle()) {
                    sandbox.start(invocation);
                    return invocation.result();
                }
            }
            if (sandboxes.size() < maxSandboxes) {
                fresh = new Sandbox(this, spec, host, invocation);
                sandboxes.add(fresh);
            } else {
                waiting.add(invocation);
            }
        }
        if (fresh != null) {
            fresh.launch();
        }
        return invocation.result();
    }

    /** The next invocation waiting for any sandbox, or null. Guarded by this pool. */
    Invocation pollPending() {
        return waiting.poll();
    }

    /** A sandbox is gone: forget it, and start a replacement if invocations are waiting. */
    void removed(Sandbox sandbox) {
        Sandbox fresh = null;
        synchronized (this) {
            sandboxes.remove(sandbox);
            if (!closed && !waiting.isEmpty() && sandboxes.size() < maxSandboxes) {
                fresh = new Sandbox(this, spec, host, waiting.poll());
                sandboxes.add(fresh);
            }
        }
        if (fresh != null) {
            fresh.launch();
        }
    }

    /**
     * Kills one idle sandbox, as Lambda replaces the execution environment of an invocation that timed out or
     * crashed (an injected fault, which ran in none): the next invocation starts a fresh one.
     */
    public synchronized void retireIdleSandbox() {
        for (Sandbox sandbox : sandboxes) {
            if (sandbox.idle()) {
                sandbox.kill(); // under the pool's lock, so no invocation can take it meanwhile
                return;
            }
        }
    }

    /** The process ids of the live sandboxes (for the harness and tests). */
    public synchronized List<Long> pids() {
        return sandboxes.stream().map(Sandbox::pid).filter(pid -> pid > 0).toList();
    }

    /** Kills every sandbox, fails what waits, and returns once every process has exited. */
    @Override
    public void close() {
        shutdown();
        awaitTermination();
    }

    /** Stops taking work and kills every sandbox, without waiting (to close many pools at once). */
    public void shutdown() {
        List<Sandbox> all;
        List<Invocation> dropped;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(sandboxes);
            dropped = new ArrayList<>(waiting);
            waiting.clear();
        }
        dropped.forEach(invocation -> invocation.complete(stopped(invocation)));
        all.forEach(Sandbox::kill);
    }

    /** Waits until every process of a shut-down pool has exited. */
    public void awaitTermination() {
        List<Sandbox> all;
        synchronized (this) {
            all = new ArrayList<>(sandboxes);
        }
        all.forEach(sandbox -> sandbox.awaitExit(EXIT_WAIT_SECONDS, TimeUnit.SECONDS));
    }

    private static InvocationResult stopped(Invocation invocation) {
        ErrorDocument error = ErrorDocument.exited(invocation.requestId(),
                "the function's execution environments were shut down (function deleted or updated, or emulator closed)");
        return new InvocationResult(error.json(), error.type(), error.message(), "", 0);
    }
}
