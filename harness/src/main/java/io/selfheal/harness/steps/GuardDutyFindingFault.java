package io.selfheal.harness.steps;

import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.YMap;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.guardduty.model.FindingPublishingFrequency;

/**
 * A threat GuardDuty detects on a stack instance: {@code guardDutyFinding: {instance: web, type:
 * "Backdoor:EC2/C&CActivity.B", severity: 8, repeat: {every: PT15M, times: 3}}}. The cloud builds the finding from the
 * instance's live state and publishes it as GuardDuty does; repeats recur on the cloud's clock and fold into the same
 * finding.
 *
 * <p>A scenario that injects a threat expects GuardDuty to be watching, so the fault turns it on when the account has
 * no detector: the real {@code CreateDetector}, enabled, publishing updates every 15 minutes (what responders set,
 * since AWS's six-hour default would hide a recurrence from any scenario window). An existing detector is used as it
 * is.
 *
 * @param severity null for the type's default
 * @param every    the time between occurrences; null when {@code times} is 1
 */
public record GuardDutyFindingFault(String instance, String type, Double severity, Duration every, int times)
        implements Fault {

    /** The finding types the cloud can inject (the emulator's {@code GuardDutyControl#supportedTypes()}). */
    public static final List<String> TYPES = List.of("Backdoor:EC2/C&CActivity.B", "Backdoor:EC2/C&CActivity.B!DNS",
            "CryptoCurrency:EC2/BitcoinTool.B!DNS", "Trojan:EC2/DNSDataExfiltration",
            "UnauthorizedAccess:EC2/SSHBruteForce", "Recon:EC2/PortProbeUnprotectedPort",
            "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS");

    public GuardDutyFindingFault {
        if (times > 1 && (every == null || every.isZero() || every.isNegative())) {
            throw new IllegalArgumentException("a repeated finding needs a positive interval");
        }
    }

    @Override
    public String describe() {
        return "GuardDuty finds " + type + (severity == null ? "" : " (severity " + severity + ")") + " on instance "
                + instance + (times > 1 ? ", " + times + " times every " + every : "");
    }

    @Override
    public java.util.Set<io.selfheal.harness.backend.Capability> needs() {
        return java.util.Set.of(io.selfheal.harness.backend.Capability.GUARDDUTY_INJECTION);
    }

    @Override
    public void inject(FaultContext run) {
        detectorId(run.clients().guardDuty());
        run.cloud().control(io.selfheal.harness.backend.Capability.GUARDDUTY_INJECTION).injectGuardDutyFinding(run.state().instanceId(instance), type, severity, every, times);
    }

    /** The account's detector, made (enabled, publishing every 15 minutes) when it has none. */
    static String detectorId(software.amazon.awssdk.services.guardduty.GuardDutyClient guardDuty) {
        List<String> ids = guardDuty.listDetectors(r -> { }).detectorIds();
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        return guardDuty.createDetector(r -> r.enable(true)
                .findingPublishingFrequency(FindingPublishingFrequency.FIFTEEN_MINUTES)).detectorId();
    }

    /** Problems with a finding's values, for the YAML reader and the Java DSL alike; null when there is none. */
    public static String severityProblem(Double severity) {
        return severity != null && (severity < 1 || severity > 10)
                ? "GuardDuty severities run from 1.0 to 10.0 (Low 1-3.9, Medium 4-6.9, High 7-8.9, Critical 9-10)"
                : null;
    }

    /** Registered as {@code guardDutyFinding}. */
    public static final class Type implements FaultType {
        @Override
        public String key() {
            return "guardDutyFinding";
        }

        @Override
        public Fault read(YMap spec, ReadContext context) {
            if (Boolean.TRUE.equals(spec.bool("sample"))) {
                return GuardDutySampleFindingFault.read(spec);
            }
            spec.allow("instance", "type", "severity", "repeat", "sample");
            String instance = context.stackKey("instances", spec.require("instance"));
            if (!spec.has("type")) {
                spec.require("type");
            }
            String type = spec.choice("type", TYPES.toArray(String[]::new));
            Double severity = spec.number("severity");
            String severityProblem = severityProblem(severity);
            if (severityProblem != null) {
                spec.get("severity").problem(severityProblem);
            }
            Duration every = null;
            int times = 1;
            if (spec.has("repeat")) {
                YMap repeat = spec.get("repeat").map();
                repeat.allow("every", "times");
                every = repeat.duration("every");
                if (!repeat.has("every")) {
                    repeat.require("every");
                } else if (every != null && (every.isZero() || every.isNegative())) {
                    repeat.get("every").problem("occurrences are a positive duration apart");
                }
                Integer count = repeat.integer("times");
                if (!repeat.has("times")) {
                    repeat.require("times");
                } else if (count != null && count < 1) {
                    repeat.get("times").problem("times is at least 1");
                }
                if (every == null || every.isZero() || every.isNegative() || count == null || count < 1) {
                    return null;
                }
                times = count;
            }
            return instance == null || type == null || severityProblem != null ? null
                    : new GuardDutyFindingFault(instance, type, severity, every, times);
        }

        @Override
        public String schema() {
            return """
                {"description": "A threat GuardDuty detects on a stack instance: the finding is built from the instance's live state (every network interface, groups, tags, profile) and published to the default bus as a 'GuardDuty Finding' event. With sample: true instead (and no instance), AWS's own CreateSampleFindings: a sample finding about a placeholder instance, on every backend. Turns GuardDuty on (CreateDetector, publishing every 15 minutes) when the account has no detector.", "type": "object", "additionalProperties": false, "required": ["type"], "anyOf": [{"required": ["instance"]}, {"required": ["sample"], "properties": {"sample": {"description": "A sample needs no instance.", "const": true}}}], "properties": {
                  "sample": {"description": "true: CreateSampleFindings for the type (a placeholder instance, marked sample); takes no instance, severity or repeat.", "type": "boolean"},
                  "instance": {"description": "The key of the instances entry.", "$ref": "#/$defs/stackKey"},
                  "type": {"description": "The finding type.", "enum": ["Backdoor:EC2/C&CActivity.B", "Backdoor:EC2/C&CActivity.B!DNS", "CryptoCurrency:EC2/BitcoinTool.B!DNS", "Trojan:EC2/DNSDataExfiltration", "UnauthorizedAccess:EC2/SSHBruteForce", "Recon:EC2/PortProbeUnprotectedPort", "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS"]},
                  "severity": {"description": "1.0 to 10.0 (Low below 4, Medium below 7, High below 9, Critical); default: the type's.", "type": "number", "minimum": 1, "maximum": 10},
                  "repeat": {"description": "Recurrences on the cloud's clock, folded by GuardDuty into the same finding (count + 1).", "type": "object", "additionalProperties": false, "required": ["every", "times"], "properties": {
                    "every": {"description": "Time between occurrences (ISO-8601 duration).", "$ref": "#/$defs/positiveDuration"},
                    "times": {"description": "How many occurrences in all, the first at once.", "type": "integer", "minimum": 1}
                  }}
                }}
                """;
        }
    }
}
