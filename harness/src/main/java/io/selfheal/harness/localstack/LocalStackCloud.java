package io.selfheal.harness.localstack;

import io.selfheal.harness.backend.Cloud;
import io.selfheal.harness.backend.EmulatorControls;
import io.selfheal.harness.backend.observe.AwsObservation;
import io.selfheal.harness.backend.observe.Observation;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * One scenario's cloud on a running LocalStack: the AWS APIs on its edge port, on the real clock, and what happened
 * read through AWS's own APIs ({@link AwsObservation}, opened with the cloud and closed with it). LocalStack has
 * none of the emulator's controls, so it offers no capability: a scenario needing one is skipped before it starts.
 */
final class LocalStackCloud implements Cloud {
    private final LocalStackInstance localStack;
    private final AwsObservation observation;
    private final String runId;

    LocalStackCloud(LocalStackInstance localStack, String runId) {
        this.localStack = localStack;
        this.runId = runId;
        this.observation = AwsObservation.open(localStack.endpoint(), localStack.region(), localStack.credentials(),
                runId, Instant.now().minusSeconds(1), Duration.ZERO);
    }

    @Override
    public String describe() {
        return "LocalStack (" + localStack.image() + ") on " + localStack.endpoint() + ", run id " + runId;
    }

    /** One container serves every scenario of the run: each names, tags and deletes its own resources. */
    @Override
    public java.util.Optional<String> runId() {
        return java.util.Optional.of(runId);
    }

    @Override
    public URI endpoint() {
        return localStack.endpoint();
    }

    @Override
    public String region() {
        return localStack.region();
    }

    @Override
    public AwsCredentialsProvider credentials() {
        return localStack.credentials();
    }

    @Override
    public Optional<EmulatorControls> controls() {
        return Optional.empty();
    }

    @Override
    public Observation observation() {
        return observation;
    }

    /** Deletes the observation's tap; LocalStack itself runs on for the next scenario. */
    @Override
    public void close() {
        observation.close();
    }
}
