package io.selfheal.harness.backend;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.control.Ec2Control;
import io.selfheal.emulator.control.FunctionFaults;
import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.EventsControl;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.control.LambdaControl;
import io.selfheal.emulator.core.ApiCall;
import io.selfheal.emulator.core.VirtualClock;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The default backend: a fresh in-process emulator on a free loopback port, one per scenario, on a virtual clock
 * unless real time is asked for. A scenario's cloud is seeded with the scenario's name: its ids and request ids are
 * the same in every run, and its virtual clock starts at {@link #SEEDED_START}, so two runs can be diffed.
 */
public final class EmbeddedCloud implements Cloud {
    private final Emulator emulator;
    private final boolean owned;

    public EmbeddedCloud() {
        this(true);
    }

    /** Where a seeded virtual clock starts: a fixed instant, so timestamps repeat from run to run. */
    public static final java.time.Instant SEEDED_START = java.time.Instant.parse("2026-01-01T00:00:00Z");

    public EmbeddedCloud(boolean virtualTime) {
        this(virtualTime, null);
    }

    /**
     * @param seed null for random ids and a virtual clock starting at the current second; else the seed of the
     *             ids, and a virtual clock starting at {@link #SEEDED_START}
     */
    public EmbeddedCloud(boolean virtualTime, String seed) {
        this(Emulator.builder().port(0).seed(seed).clock(virtualTime
                ? new VirtualClock(seed != null ? SEEDED_START
                        : java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                : io.selfheal.emulator.core.EmulatorClock.system()).start());
    }

    public EmbeddedCloud(Emulator emulator) {
        this(emulator, true);
    }

    private EmbeddedCloud(Emulator emulator, boolean owned) {
        this.emulator = emulator;
        this.owned = owned;
    }

    /** A cloud on an emulator someone else owns (a JUnit extension's): {@link #close()} leaves it running. */
    public static EmbeddedCloud borrowing(Emulator emulator) {
        return new EmbeddedCloud(emulator, false);
    }

    public Emulator emulator() {
        return emulator;
    }

    @Override
    public String describe() {
        return "embedded emulator on " + emulator.endpoint();
    }

    @Override
    public URI endpoint() {
        return emulator.endpoint();
    }

    @Override
    public String region() {
        return emulator.region();
    }

    @Override
    public AwsCredentialsProvider credentials() {
        // The access key names no account, so calls act in the emulator's default account.
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIASELFHEALHARNESS", "selfheal"));
    }

    @Override
    public List<io.selfheal.emulator.core.authz.AuthorizationDecision> decisions() {
        return emulator.control().decisions();
    }

    @Override
    public void iamMode(io.selfheal.emulator.core.authz.IamMode mode) {
        emulator.control().iamMode(mode);
    }

    @Override
    public List<ApiCall> calls() {
        return emulator.control().calls();
    }

    @Override
    public java.util.Map<String, Long> droppedEntries() {
        java.util.Map<String, Long> dropped = new java.util.TreeMap<>();
        emulator.control().retention().forEach(u -> dropped.merge(u.history(), u.dropped(), Long::sum));
        return dropped;
    }

    @Override
    public List<FunctionInvocation> invocations(String functionName) {
        return emulator.control().component(LambdaControl.class).invocations(functionName);
    }

    @Override
    public List<EventRecord> events() {
        return emulator.control().component(EventsControl.class).events();
    }

    @Override
    public void emitServiceEvent(String source, String detailType, List<String> resources,
                                 com.fasterxml.jackson.databind.node.ObjectNode detail) {
        emulator.control().component(EventsControl.class).emit(new io.selfheal.emulator.messages.ServiceEvent(
                emulator.accountId(), emulator.region(), source, detailType, resources, detail, null));
    }

    @Override
    public EventRecord redeliver(String eventId) {
        return emulator.control().component(EventsControl.class).redeliver(eventId);
    }

    @Override
    public boolean awaitIdle(Duration timeout) {
        return emulator.control().awaitIdle(timeout);
    }

    @Override
    public int rebootCount(String instanceId) {
        return emulator.control().component(Ec2Control.class).rebootCount(instanceId);
    }

    @Override
    public void setCpuLoad(String instanceId, double percent, Duration duration) {
        emulator.control().component(Ec2Control.class).setCpuLoad(instanceId, percent, duration);
    }

    @Override
    public void injectFunctionFault(String functionName, String mode, int times, Duration forDuration) {
        emulator.control().functionFaults().inject(emulator.accountId(), emulator.region(), functionName,
                FunctionFaults.Mode.parse(mode), times, forDuration);
    }

    @Override
    public void injectGuardDutyFinding(String instanceId, String type, Double severity, Duration every, int times) {
        var guardDuty = emulator.control().guardDuty();
        var injection = new io.selfheal.emulator.control.GuardDutyControl.FindingInjection(emulator.accountId(),
                emulator.region(), instanceId, type, severity);
        guardDuty.inject(injection);
        // Later occurrences are timers on the emulator clock, so a virtual clock reaches them as it advances.
        for (int n = 1; n < times; n++) {
            emulator.control().clock().schedule(every.multipliedBy(n), () -> guardDuty.inject(injection));
        }
    }

    @Override
    public void stopResponding(String instanceId) {
        emulator.control().component(Ec2Control.class).stopResponding(instanceId);
    }

    @Override
    public boolean virtualTime() {
        return emulator.control().clock().isVirtual();
    }

    @Override
    public java.time.Instant now() {
        return emulator.control().clock().now();
    }

    @Override
    public boolean advanceUntil(java.util.function.BooleanSupplier done, Duration max) {
        return emulator.control().advanceUntil(done, max);
    }

    @Override
    public void close() {
        if (owned) {
            emulator.close();
        }
    }
}
