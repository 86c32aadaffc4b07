package io.selfheal.emulator.http;

import java.io.IOException;

/** The client went away (or broke the framing) before the whole of a streamed request body arrived. */
public final class BodyInterruptedException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyInterruptedException(String message) {
        super(message, null);
    }
}
