package io.selfheal.emulator.services.lambda.runtime;

import io.selfheal.emulator.http.HttpResponse;
import io.selfheal.emulator.http.NettyHttpServer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One execution environment: a process of the function's language runtime, its own Runtime API listener and its output
 * file. It serves one invocation at a time. An invocation is over when the runtime comes back to {@code next}
 * after posting its result (as on AWS, where what the runtime logs after posting, such as the stack trace of an
 * error, still belongs to that invocation), when the timeout kills the process, or when the process dies.
 * <p>
 * All state is guarded by the owning {@link SandboxPool}'s monitor; futures are completed after leaving it.
 */
final class Sandbox {
    private static final Logger LOG = Logger.getLogger(Sandbox.class.getName());
    private static final AtomicLong SEQUENCE = new AtomicLong();
    /** Lambda's init phase limit; the function's own timeout is allowed on top, as when AWS retries init on invoke. */
    private static final int INIT_LIMIT_SECONDS = 10;
    private static final long EXIT_WAIT_SECONDS = 10;
    /**
     * How often a running invocation's resident memory is read. Lambda's limit is a cgroup's; here it is polled
     * ({@code /proc/<pid>/status}, a few µs): no privileges or cgroup delegation needed, and unlike {@code ulimit -v}
     * it counts what the process uses, not the address space it reserves (Node.js reserves gigabytes at start) and
     * it kills rather than failing an allocation inside the function (Python would raise a catchable MemoryError).
     * The price: a function may pass its limit for up to one period before it is killed.
     */
    private static final long MEMORY_POLL_MILLIS = 50;

    private enum State { STARTING, IDLE, BUSY, DEAD }

    /** The invocation in the function now, and what the runtime posted for it so far. */
    private static final class Running {
        final Invocation invocation;
        final long startedNanos = System.nanoTime();
        final double initDurationMs;
        byte[] response;
        ErrorDocument error;
        ScheduledFuture<?> timer;
        ScheduledFuture<?> memoryWatch;

        Running(Invocation invocation, double initDurationMs) {
            this.invocation = invocation;
            this.initDurationMs = initDurationMs;
        }

        boolean posted() {
            return response != null || error != null;
        }
    }

    /** An invocation that ended, to complete once the pool's lock is released. */
    private record Ended(Invocation invocation, InvocationResult result) {
        void complete() {
            invocation.complete(result);
        }
    }

    private final SandboxPool pool;
    private final SandboxSpec spec;
    private final RuntimeHost host;
    private final String id;
    private final String logStreamName;

    private State state = State.STARTING;
    private Invocation reserved;
    private Running running;
    private Consumer<HttpResponse> parkedNext;
    private double initDurationMs = -1;
    private ErrorDocument initError;
    private ScheduledFuture<?> initTimer;
    private long launchedNanos;
    private volatile Process process;
    /** The runtime's follow-up once this sandbox served its first invocation (Java: its class-data archive). */
    private volatile LanguageRuntime.FirstInvocationHook afterFirstInvocation = LanguageRuntime.FirstInvocationHook.NONE;
    /** That follow-up while it runs: a kill waits for it (bounded), so a dump is not cut short by a delete. */
    private volatile CompletableFuture<?> followUp = CompletableFuture.completedFuture(null);
    private boolean servedOne;
    private static final long FOLLOW_UP_WAIT_SECONDS = 30;
    private volatile NettyHttpServer server;
    private volatile OutputLog output;

    /** @param first the invocation whose arrival needed this sandbox: it is served first */
    Sandbox(SandboxPool pool, SandboxSpec spec, RuntimeHost host, Invocation first) {
        this.pool = pool;
        this.spec = spec;
        this.host = host;
        this.reserved = first;
        this.id = spec.functionName() + "-" + SEQUENCE.incrementAndGet();
        this.logStreamName = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"))
                + "/[" + spec.version() + "]" + NextInvocation.randomHex(32);
    }

    /** Starts the listener and the process; called by the pool outside its lock. */
    void launch() {
        try {
            output = new OutputLog(host.sandboxDirectory().resolve(id + ".log"));
            server = host.servers().start(0, new RuntimeApiHandler(this));
            SandboxLauncher.Started launched = SandboxLauncher.launch(host.runtime(spec.runtime()), spec,
                    host.host() + ":" + server.port(), logStreamName, output.file());
            Process started = launched.process();
            afterFirstInvocation = launched.launch().afterFirstInvocation();
            boolean killedMeanwhile;
            synchronized (pool) {
                process = started;
                launchedNanos = System.nanoTime();
                killedMeanwhile = state == State.DEAD;
                if (!killedMeanwhile) {
                    initTimer = host.scheduler().schedule(this::initTimedOut,
                            INIT_LIMIT_SECONDS + (long) spec.timeoutSeconds(), TimeUnit.SECONDS);
                }
            }
            started.onExit().thenRun(this::onExit);
            if (killedMeanwhile) {
                ProcessReaper.kill(started);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot start a sandbox for " + spec.functionName(), e);
            Invocation first;
            synchronized (pool) {
                state = State.DEAD;
                first = reserved;
                reserved = null;
            }
            release();
            pool.removed(this);
            if (first != null) {
                first.complete(new InvocationResult(ErrorDocument.platform("Runtime.Unknown",
                        "RequestId: " + first.requestId() + " Error: the sandbox could not start: " + e).json(),
                        "Runtime.Unknown", "the sandbox could not start: " + e, "", 0, logStreamName));
            }
        }
    }

    /** Guarded by the pool. */
    boolean idle() {
        return state == State.IDLE && parkedNext != null;
    }

    /** Hands an invocation to the runtime waiting in {@code next}. Guarded by the pool. */
    void start(Invocation invocation) {
        Running r = new Running(invocation, initDurationMs);
        initDurationMs = -1;
        running = r;
        state = State.BUSY;
        Consumer<HttpResponse> reply = parkedNext;
        parkedNext = null;
        r.timer = host.scheduler().schedule(() -> timedOut(r), spec.timeoutSeconds(), TimeUnit.SECONDS);
        if (!host.runtime(spec.runtime()).limitsOwnMemory()) {
            r.memoryWatch = host.scheduler().scheduleWithFixedDelay(() -> checkMemory(r), MEMORY_POLL_MILLIS,
                    MEMORY_POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
        reply.accept(NextInvocation.response(invocation, spec));
    }

    // ---- Runtime API -------------------------------------------------------------------------------------------

    void onNext(Consumer<HttpResponse> reply) {
        Ended ended = null;
        boolean firstServed = false;
        synchronized (pool) {
            if (state == State.DEAD) {
                return; // being killed: leave the poll unanswered
            }
            if (running != null) {
                ended = end(null, null);
                firstServed = !servedOne;
                servedOne = true;
            }
            if (state == State.STARTING) {
                initDurationMs = (System.nanoTime() - launchedNanos) / 1e6;
                cancel(initTimer);
            }
            parkedNext = reply;
            state = State.IDLE;
            Invocation next = reserved != null ? reserved : pool.pollPending();
            reserved = null;
            if (next != null) {
                start(next);
            }
        }
        if (firstServed) {
            followUp = afterFirstInvocation.served(process.pid()); // before the caller hears back and deletes
        }
        if (ended != null) {
            ended.complete();
        }
    }

    boolean onResponse(String requestId, byte[] body) {
        synchronized (pool) {
            Running r = current(requestId);
            if (r == null) {
                return false;
            }
            r.response = body;
            return true;
        }
    }

    boolean onError(String requestId, ErrorDocument error) {
        synchronized (pool) {
            Running r = current(requestId);
            if (r == null) {
                return false;
            }
            r.error = error;
            return true;
        }
    }

    void onInitError(ErrorDocument error) {
        synchronized (pool) {
            initError = error;
        }
    }

    private Running current(String requestId) {
        Running r = running;
        return r != null && !r.posted() && r.invocation.requestId().equals(requestId) && state != State.DEAD ? r : null;
    }

    // ---- ends ---------------------------------------------------------------------------------------------------

    private void timedOut(Running r) {
        Ended ended;
        synchronized (pool) {
            if (running != r || state == State.DEAD) {
                return;
            }
            state = State.DEAD;
            ended = end(ErrorDocument.timedOut(r.invocation.requestId(), spec.timeoutSeconds()), "timeout");
        }
        killThen(ended::complete);
    }

    /** Past MemorySize: killed as Lambda's memory limit kills, the invocation failing with Runtime.OutOfMemory. */
    private void checkMemory(Running r) {
        if (ProcessFacts.residentKb(process) <= spec.memoryMb() * 1024L) {
            return;
        }
        Ended ended;
        synchronized (pool) {
            if (running != r || state == State.DEAD || r.posted()) {
                return;
            }
            state = State.DEAD;
            ended = end(ErrorDocument.outOfMemory(r.invocation.requestId()), "error");
        }
        killThen(ended::complete);
    }

    private void initTimedOut() {
        Invocation first;
        String logs;
        synchronized (pool) {
            if (state != State.STARTING) {
                return;
            }
            state = State.DEAD;
            first = reserved;
            reserved = null;
            logs = output.readNew();
        }
        if (first == null) {
            kill();
            return;
        }
        ErrorDocument error = ErrorDocument.timedOut(first.requestId(), spec.timeoutSeconds());
        InvocationResult result = new InvocationResult(error.json(), error.type(), error.message(),
                logs + PlatformLog.timedOut(first.requestId(), spec.timeoutSeconds()), 0, logStreamName);
        killThen(() -> first.complete(result));
    }

    private void onExit() {
        Ended ended = null;
        Invocation first;
        String initLogs = "";
        ErrorDocument firstError = null;
        synchronized (pool) {
            state = State.DEAD;
            parkedNext = null;
            cancel(initTimer);
            String how = ProcessFacts.exitDescription(process);
            if (running != null) {
                ended = end(ErrorDocument.exited(running.invocation.requestId(), how), "error");
            }
            first = reserved;
            reserved = null;
            if (first != null) {
                initLogs = output.readNew();
                firstError = initError != null ? initError : ErrorDocument.exited(first.requestId(), how);
            }
        }
        release();
        pool.removed(this);
        if (ended != null) {
            ended.complete();
        }
        if (first != null) {
            first.complete(new InvocationResult(firstError.json(), firstError.type(), firstError.message(),
                    initLogs, 0, logStreamName));
        }
    }

    /**
     * Closes the running invocation. Guarded by the pool.
     *
     * @param failure the platform's error when the runtime posted nothing (null when it came back to next)
     * @param status  the REPORT line's status, or null
     */
    private Ended end(ErrorDocument failure, String status) {
        Running r = running;
        running = null;
        cancel(r.timer);
        cancel(r.memoryWatch);
        double durationMs = (System.nanoTime() - r.startedNanos) / 1e6;
        String requestId = r.invocation.requestId();
        StringBuilder logs = new StringBuilder(PlatformLog.start(requestId, spec.version()));
        logs.append(output.readNew());
        if (logs.charAt(logs.length() - 1) != '\n') {
            logs.append('\n');
        }
        boolean timedOut = "timeout".equals(status) && !r.posted();
        if (timedOut) {
            logs.append(PlatformLog.timedOut(requestId, spec.timeoutSeconds()));
        }
        logs.append(PlatformLog.end(requestId));
        String platformError = !r.posted() && "error".equals(status) && failure != null ? failure.type() : null;
        // Killed at its limit, a function used all of it: Lambda's cgroup never lets the peak read higher.
        long maxMemoryMb = ErrorDocument.OUT_OF_MEMORY.equals(platformError) ? spec.memoryMb()
                : ProcessFacts.maxMemoryMb(process);
        logs.append(PlatformLog.report(requestId, durationMs, spec.memoryMb(), maxMemoryMb, r.initDurationMs,
                r.posted() ? null : status, platformError));
        InvocationResult result;
        if (r.response != null) {
            result = new InvocationResult(r.response, null, null, logs.toString(), durationMs, logStreamName);
        } else {
            ErrorDocument error = r.error != null ? r.error : failure != null ? failure : ErrorDocument.platform(
                    "Runtime.Unknown", "RequestId: " + requestId + " Error: the runtime asked for the next "
                            + "invocation without reporting the result of this one");
            result = new InvocationResult(error.json(), error.type(), error.message(), logs.toString(), durationMs,
                    logStreamName);
        }
        return new Ended(r.invocation, result);
    }

    // ---- lifecycle ----------------------------------------------------------------------------------------------

    /**
     * Kills the process (and its children); {@link #onExit()} then ends what was running. A delete, update or close
     * lets the runtime's follow-up (a class-data dump) finish first, bounded; a timeout or the memory limit does not
     * wait (see {@link #killThen}).
     */
    void kill() {
        kill(true);
    }

    private void kill(boolean letFollowUpFinish) {
        Process p;
        synchronized (pool) {
            state = State.DEAD;
            parkedNext = null;
            p = process;
        }
        if (p != null) {
            CompletableFuture<?> pending = followUp;
            if (!letFollowUpFinish || pending.isDone()) {
                ProcessReaper.kill(p);
            } else {
                pending.orTimeout(FOLLOW_UP_WAIT_SECONDS, TimeUnit.SECONDS)
                        .whenComplete((done, e) -> ProcessReaper.kill(p));
            }
        }
    }

    /**
     * Kills the process and runs {@code then} once it has exited, so that whoever learns of a timeout also finds
     * the process gone. Asynchronous: this runs on the emulator's single scheduler thread.
     */
    private void killThen(Runnable then) {
        kill(false);
        Process p = process;
        if (p == null) {
            then.run();
            return;
        }
        p.onExit().orTimeout(EXIT_WAIT_SECONDS, TimeUnit.SECONDS).whenComplete((exited, e) -> then.run());
    }

    /** Waits until the process is gone (and reaped), so none outlives a close. */
    void awaitExit(long timeout, TimeUnit unit) {
        Process p = process;
        if (p == null) {
            return;
        }
        try {
            p.onExit().get(timeout, unit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warning("sandbox " + id + " (pid " + p.pid() + ") did not exit in time");
        }
    }

    long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    private void release() {
        NettyHttpServer s = server;
        if (s != null) {
            try {
                s.close();
            } catch (RuntimeException e) {
                // The emulator's event loops may be gone already (a process that outlived close()).
                LOG.log(Level.FINE, "cannot close the Runtime API of " + this, e);
            }
        }
        OutputLog o = output;
        if (o != null) {
            o.close();
        }
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    @Override
    public String toString() {
        return "sandbox " + id + " (pid " + pid() + ")";
    }
}
