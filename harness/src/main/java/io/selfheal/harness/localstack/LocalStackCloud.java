package io.selfheal.harness.localstack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.core.ApiCall;
import io.selfheal.harness.backend.Capability;
import io.selfheal.harness.backend.Cloud;
import io.selfheal.harness.backend.observe.AwsObservation;
import io.selfheal.harness.backend.observe.Observation;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * One scenario's cloud on a running LocalStack: the AWS APIs on its edge port, on the real clock, and what happened
 * read through AWS's own APIs ({@link AwsObservation}, opened with the cloud and closed with it). LocalStack has
 * none of the emulator's controls: {@link #capabilities()} is empty, so a scenario needing one is skipped before it
 * starts, and the controls refuse if called anyway.
 */
final class LocalStackCloud implements Cloud {
    private final LocalStackInstance localStack;
    private final AwsObservation observation;

    LocalStackCloud(LocalStackInstance localStack, String runId) {
        this.localStack = localStack;
        this.observation = AwsObservation.open(localStack.endpoint(), localStack.region(), localStack.credentials(),
                runId, Instant.now().minusSeconds(1), Duration.ZERO);
    }

    @Override
    public String describe() {
        return "LocalStack (" + localStack.image() + ") on " + localStack.endpoint();
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
    public Set<Capability> capabilities() {
        return EnumSet.noneOf(Capability.class);
    }

    @Override
    public Observation observation() {
        return observation;
    }

    @Override
    public List<ApiCall> calls() {
        return observation.calls();
    }

    @Override
    public List<FunctionInvocation> invocations(String functionName) {
        return observation.invocations(functionName);
    }

    @Override
    public List<EventRecord> events() {
        return observation.events();
    }

    /** Nothing tells when LocalStack is quiet: outcomes are polled on the real clock instead. */
    @Override
    public boolean awaitIdle(Duration timeout) {
        return true;
    }

    @Override
    public boolean virtualTime() {
        return false;
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public boolean advanceUntil(BooleanSupplier done, Duration max) {
        throw lacks("a virtual clock");
    }

    @Override
    public void emitServiceEvent(String source, String detailType, List<String> resources, ObjectNode detail) {
        throw lacks("emitting events as an AWS service");
    }

    @Override
    public EventRecord redeliver(String eventId) {
        throw lacks("event redelivery");
    }

    @Override
    public int rebootCount(String instanceId) {
        throw lacks("a reboot count");
    }

    @Override
    public void setCpuLoad(String instanceId, double percent, Duration duration) {
        throw lacks("CPU load injection");
    }

    @Override
    public void stopResponding(String instanceId) {
        throw lacks("stop-responding injection");
    }

    @Override
    public void injectFunctionFault(String functionName, String mode, int times, Duration forDuration) {
        throw lacks("function faults");
    }

    private UnsupportedOperationException lacks(String what) {
        return new UnsupportedOperationException(describe() + " has no " + what);
    }

    /** Deletes the observation's tap; LocalStack itself runs on for the next scenario. */
    @Override
    public void close() {
        observation.close();
    }
}
