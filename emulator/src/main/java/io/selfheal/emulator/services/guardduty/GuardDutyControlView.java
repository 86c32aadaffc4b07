package io.selfheal.emulator.services.guardduty;

import io.selfheal.emulator.control.GuardDutyControl;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.messages.DescribeInstance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link GuardDutyControl}: the threat becomes an observation of the account and region's detector, about the
 * instance as EC2 describes it right now (asked over the bus).
 */
final class GuardDutyControlView implements GuardDutyControl {
    private final EmulatorContext context;
    private final RegionalStore<GuardDutyRegion> store;
    private final Occurrences occurrences;

    GuardDutyControlView(EmulatorContext context, RegionalStore<GuardDutyRegion> store, Occurrences occurrences) {
        this.context = context;
        this.store = store;
        this.occurrences = occurrences;
    }

    @Override
    public InjectedFinding inject(FindingInjection in) {
        FindingType type = FindingTypes.find(in.type());
        if (type == null) {
            throw new IllegalArgumentException("unsupported finding type " + in.type() + ": use one of "
                    + FindingTypes.names());
        }
        double severity = in.severity() == null ? type.defaultSeverity() : in.severity();
        if (!(severity >= 1.0 && severity <= 10.0)) {
            throw new IllegalArgumentException("severity must be 1.0–10.0, not " + in.severity());
        }
        ThreatDetails details = ThreatDetails.defaults(type).with(in.overrides());
        Detector detector = store.get(in.accountId(), in.region()).current();
        if (detector == null || !enabled(detector)) {
            throw new IllegalStateException("account " + in.accountId() + " has no enabled GuardDuty detector in "
                    + in.region() + ": GuardDuty raises no findings without one (CreateDetector first)");
        }
        DescribeInstance.Result described = context.bus().ask(new DescribeInstance(in.accountId(), in.region(),
                in.instanceId()));
        if (!described.found()) {
            throw new IllegalArgumentException("EC2 knows no instance " + in.instanceId() + " in account "
                    + in.accountId() + " and " + in.region());
        }
        DescribeInstance.Instance instance = described.instance();
        String role = FindingResources.roleName(instance);
        if (type.resource() == FindingType.ResourceKind.ACCESS_KEY && role == null) {
            throw new IllegalArgumentException("instance " + in.instanceId() + " has no instance profile: it has no "
                    + "instance credentials to exfiltrate");
        }
        Map<String, String> placeholders = new LinkedHashMap<>();
        placeholders.put("instanceId", instance.instanceId());
        placeholders.put("remoteIp", details.remoteIp());
        placeholders.put("domain", details.domain());
        placeholders.put("port", String.valueOf(details.shownPort(type)));
        placeholders.put("role", role);
        Finding f = occurrences.observe(detector, new Occurrences.Observation(type, instance.instanceId(), false,
                severity, FindingResources.of(type, instance, in.accountId()),
                FindingActions.of(type, details, instance.privateIpAddress()), placeholders));
        synchronized (detector) {
            return new InjectedFinding(f.id, detector.id, f.count);
        }
    }

    private static boolean enabled(Detector detector) {
        synchronized (detector) {
            return detector.enabled;
        }
    }

    @Override
    public List<String> supportedTypes() {
        return FindingTypes.names();
    }
}
