package io.selfheal.emulator.http;

/**
 * Bytes that do not make a well-formed request at the HTTP level (a bad {@code %}-escape, a body that is not what its
 * {@code Content-Encoding} says). The message is written for the client: it never names our classes.
 */
public final class MalformedRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedRequestException(String message) {
        super(message, null, false, false);
    }
}
