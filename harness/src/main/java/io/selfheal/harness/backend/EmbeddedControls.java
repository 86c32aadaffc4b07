package io.selfheal.harness.backend;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.control.Ec2Control;
import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.EventsControl;
import io.selfheal.emulator.control.FunctionFaults;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.control.GuardDutyControl;
import io.selfheal.emulator.control.LambdaControl;
import io.selfheal.emulator.core.ApiCall;
import io.selfheal.emulator.core.authz.AuthorizationDecision;
import io.selfheal.emulator.core.authz.IamMode;
import io.selfheal.emulator.messages.ServiceEvent;
import io.selfheal.harness.backend.observe.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/** The controls of an emulator in this JVM, through its {@code ControlApi}: every {@link Capability}. */
final class EmbeddedControls implements EmulatorControls, Observation {
    private final Emulator emulator;

    EmbeddedControls(Emulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public Set<Capability> capabilities() {
        return Capability.all();
    }

    @Override
    public Observation observation() {
        return this;
    }

    @Override
    public String source() {
        return "the emulator's call log";
    }

    @Override
    public List<ApiCall> calls() {
        return emulator.control().calls();
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
    public boolean virtualTime() {
        return emulator.control().clock().isVirtual();
    }

    @Override
    public Instant now() {
        return emulator.control().clock().now();
    }

    @Override
    public boolean advanceUntil(BooleanSupplier done, Duration max) {
        return emulator.control().advanceUntil(done, max);
    }

    @Override
    public boolean awaitIdle(Duration timeout) {
        return emulator.control().awaitIdle(timeout);
    }

    @Override
    public Map<String, Long> droppedEntries() {
        Map<String, Long> dropped = new TreeMap<>();
        emulator.control().retention().forEach(u -> dropped.merge(u.history(), u.dropped(), Long::sum));
        return dropped;
    }

    @Override
    public List<AuthorizationDecision> decisions() {
        return emulator.control().decisions();
    }

    @Override
    public void iamMode(IamMode mode) {
        emulator.control().iamMode(mode);
    }

    @Override
    public void emitServiceEvent(String source, String detailType, List<String> resources, ObjectNode detail) {
        emulator.control().component(EventsControl.class).emit(new ServiceEvent(emulator.accountId(),
                emulator.region(), source, detailType, resources, detail, null));
    }

    @Override
    public EventRecord redeliver(String eventId) {
        return emulator.control().component(EventsControl.class).redeliver(eventId);
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
    public void stopResponding(String instanceId) {
        emulator.control().component(Ec2Control.class).stopResponding(instanceId);
    }

    @Override
    public void injectGuardDutyFinding(String instanceId, String type, Double severity, Duration every, int times) {
        GuardDutyControl guardDuty = emulator.control().guardDuty();
        GuardDutyControl.FindingInjection injection = new GuardDutyControl.FindingInjection(emulator.accountId(),
                emulator.region(), instanceId, type, severity);
        guardDuty.inject(injection);
        // Later occurrences are timers on the emulator clock, so a virtual clock reaches them as it advances.
        for (int n = 1; n < times; n++) {
            emulator.control().clock().schedule(every.multipliedBy(n), () -> guardDuty.inject(injection));
        }
    }

    @Override
    public void injectFunctionFault(String functionName, String mode, int times, Duration forDuration) {
        emulator.control().functionFaults().inject(emulator.accountId(), emulator.region(), functionName,
                FunctionFaults.Mode.parse(mode), times, forDuration);
    }
}
