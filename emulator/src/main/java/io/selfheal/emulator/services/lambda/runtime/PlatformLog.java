package io.selfheal.emulator.services.lambda.runtime;

import java.time.Instant;
import java.util.Locale;

/**
 * The lines Lambda itself writes around an invocation's output in its log stream:
 * {@code START}, {@code END}, {@code REPORT} and, on a timeout, the "Task timed out" line.
 */
final class PlatformLog {
    private PlatformLog() {
    }

    static String start(String requestId, String version) {
        return "START RequestId: " + requestId + " Version: " + version + "\n";
    }

    static String timedOut(String requestId, int timeoutSeconds) {
        return Instant.now() + " " + requestId + " " + timeoutMessage(timeoutSeconds) + "\n";
    }

    static String timeoutMessage(int timeoutSeconds) {
        return String.format(Locale.ROOT, "Task timed out after %.2f seconds", (double) timeoutSeconds);
    }

    static String end(String requestId) {
        return "END RequestId: " + requestId + "\n";
    }

    /**
     * @param maxMemoryMb  the process's peak resident memory, or -1 when unknown
     * @param initDuration the cold start's duration for the first invocation of a sandbox, else negative
     * @param status       {@code timeout}, {@code error} … or null
     * @param errorType    the platform's error type beside {@code Status: error} ({@code Runtime.ExitError},
     *                     {@code Runtime.OutOfMemory}), or null
     */
    static String report(String requestId, double durationMs, int memoryMb, long maxMemoryMb, double initDuration,
                         String status, String errorType) {
        StringBuilder line = new StringBuilder("REPORT RequestId: ").append(requestId)
                .append(String.format(Locale.ROOT, "\tDuration: %.2f ms", durationMs))
                .append("\tBilled Duration: ").append((long) Math.ceil(durationMs)).append(" ms")
                .append("\tMemory Size: ").append(memoryMb).append(" MB");
        if (maxMemoryMb >= 0) {
            line.append("\tMax Memory Used: ").append(maxMemoryMb).append(" MB");
        }
        if (initDuration >= 0) {
            line.append(String.format(Locale.ROOT, "\tInit Duration: %.2f ms", initDuration));
        }
        if (status != null) {
            line.append("\tStatus: ").append(status);
        }
        if (errorType != null) {
            line.append("\tError Type: ").append(errorType);
        }
        return line.append('\n').toString();
    }
}
