package io.selfheal.harness.localstack;

/** The localstack backend was asked for on a machine without a Docker engine. */
public final class NoDockerEngineException extends IllegalStateException {
    public static final String MESSAGE = "no Docker engine: use the embedded backend or --endpoint-url";

    public NoDockerEngineException() {
        super(MESSAGE);
    }
}
