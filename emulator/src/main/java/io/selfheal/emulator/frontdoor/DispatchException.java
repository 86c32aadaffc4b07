package io.selfheal.emulator.frontdoor;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.protocol.WireCodec;

/** A request that cannot reach an operation, with the codec that should word the refusal. */
final class DispatchException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient WireCodec codec;
    private final AwsException error;
    private final String service;

    DispatchException(WireCodec codec, AwsException error, String service) {
        super(error.getMessage(), null, false, false);
        this.codec = codec;
        this.error = error;
        this.service = service;
    }

    WireCodec codec() {
        return codec;
    }

    AwsException error() {
        return error;
    }

    String service() {
        return service;
    }
}
