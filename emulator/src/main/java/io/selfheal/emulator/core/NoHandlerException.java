package io.selfheal.emulator.core;

/**
 * Nobody answers a {@link BusRequest} type: the service that would is not loaded in this emulator (left out with
 * {@code Emulator.builder().without(…)}, or not written yet). Distinct from a handler that failed for its own reason,
 * whose exception reaches the asker unchanged.
 */
public final class NoHandlerException extends RuntimeException {
    private final Class<?> requestType;

    public NoHandlerException(Class<?> requestType) {
        super("no service in this emulator answers " + requestType.getSimpleName()
                + " (is the service that handles it loaded?)");
        this.requestType = requestType;
    }

    public Class<?> requestType() {
        return requestType;
    }
}
