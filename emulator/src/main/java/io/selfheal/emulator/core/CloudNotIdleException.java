package io.selfheal.emulator.core;

/**
 * Virtual time cannot advance: work stayed in flight past the real-time bound a virtual clock waits for quiet (a
 * function that never returns, a delivery stuck). A harness reports it as the check that was waiting failing, with
 * this message, not as a crash.
 */
public final class CloudNotIdleException extends IllegalStateException {
    public CloudNotIdleException(String message) {
        super(message);
    }
}
