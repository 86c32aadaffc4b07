package io.selfheal.emulator.services.lambda.runtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last line against orphaned sandboxes: every live function process is listed here, and one JVM shutdown hook
 * kills whatever is still listed (an emulator that was never closed, a test that died). Orderly paths
 * (timeout, delete, close) kill processes themselves and unlist them on exit.
 */
final class ProcessReaper {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Thread hook = new Thread(ProcessReaper::killAll, "selfheal-lambda-reaper");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private ProcessReaper() {
    }

    static void track(Process process) {
        LIVE.add(process);
        process.onExit().thenRun(() -> LIVE.remove(process));
    }

    /** Kills the process and anything it started, at once (SIGKILL, as Lambda ends a timed-out sandbox). */
    static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void killAll() {
        for (Process process : LIVE) {
            kill(process);
        }
    }
}
