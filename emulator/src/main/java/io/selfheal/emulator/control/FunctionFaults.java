package io.selfheal.emulator.control;

import java.time.Duration;

/**
 * Lambda's fault side door: makes a function misbehave without changing its code. The platform applies the fault
 * around the real handler, so callers, retries, destinations and metrics see what AWS would show for it.
 */
public interface FunctionFaults {
    /** How the function misbehaves. */
    enum Mode {
        /** The invocation fails as an {@code Unhandled} function error whose error document names the fault. */
        THROW,
        /** "Task timed out after N.00 seconds", as AWS reports it; the sandbox is replaced. */
        TIMEOUT,
        /** The runtime process exits: {@code Runtime.ExitError}. */
        CRASH,
        /** As if no concurrency were free: {@code TooManyRequestsException} (429), counted as a throttle. */
        THROTTLE;

        /** {@code throw}, {@code timeout} …, case-insensitive. */
        public static Mode parse(String text) {
            for (Mode m : values()) {
                if (m.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                    return m;
                }
            }
            throw new IllegalArgumentException("mode must be throw, timeout, crash or throttle, not " + text);
        }
    }

    /**
     * Makes the function's next invocations misbehave, replacing any fault injected into it before.
     *
     * @param times       how many invocations it affects; 0 = every one until it ends
     * @param forDuration how long it lasts on the emulator clock; null = until {@code times} are used or it is
     *                    cleared
     * @throws IllegalArgumentException when there is no such function or {@code times} is negative
     */
    void inject(String accountId, String region, String functionName, Mode mode, int times, Duration forDuration);

    /** Ends the function's fault, if any. */
    void clear(String accountId, String region, String functionName);

    /** Ends every fault. */
    void clearAll();
}
