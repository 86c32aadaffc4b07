package io.selfheal.harness.localstack;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** A LocalStack the backend can start, reach and stop: the Testcontainers container, or a stand-in in tests. */
public interface LocalStackInstance {
    /**
     * Starts it (pulling the image if needed) and returns once it answers.
     *
     * @throws NoDockerEngineException when there is no Docker engine to start it on
     */
    void start();

    /** The edge port every service answers on ({@code http://127.0.0.1:32768}). */
    URI endpoint();

    String region();

    AwsCredentialsProvider credentials();

    /** For reports: the image it runs ({@code localstack/localstack:4.0}). */
    String image();

    void stop();
}
