package io.selfheal.harness.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The event types {@code selfheal events} prints: the service events the emulator emits or that scenarios test
 * against. Each sample is a file of the fixtures module (AWS's documented sample, see its README); this table only
 * says which fields are made fresh. A fresh field's old value is replaced wherever it occurs (so an ARN ending in a
 * finding id follows the id); fields sharing a token get the same value.
 */
final class EventCatalog {
    /** Tokens: {@code uuid…} a random UUID each, {@code hex32} 32 hex digits, the rest the current time. */
    static final String UUID = "uuid";
    static final String HEX32 = "hex32";
    static final String NOW_SECONDS = "now:yyyy-MM-dd'T'HH:mm:ss'Z'";
    static final String NOW_MILLIS_OFFSET = "now:yyyy-MM-dd'T'HH:mm:ss.SSS'+0000'";
    static final String NOW_MILLIS_Z = "now:yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";

    /**
     * @param service  first word, as in {@code sam local generate-event}
     * @param name     second word
     * @param resource the fixture on the class path
     * @param summary  one line for the listing
     * @param fresh    dotted path → token
     */
    record Sample(String service, String name, String resource, String summary, Map<String, String> fresh) {
        String type() {
            return service + " " + name;
        }
    }

    private static final Map<String, String> ENVELOPE = Map.of("id", UUID, "time", NOW_SECONDS);

    static final List<Sample> SAMPLES = List.of(
            new Sample("cloudwatch", "alarm-state-change", "/events/cloudwatch-alarm-state-change-ec2-cpu.json",
                    "CloudWatch Alarm State Change of a metric alarm (EC2 CPUUtilization, OK → ALARM)",
                    with(Map.of("detail.state.timestamp", NOW_MILLIS_OFFSET))),
            new Sample("cloudwatch", "composite-alarm-state-change",
                    "/events/cloudwatch-alarm-state-change-composite.json",
                    "CloudWatch Alarm State Change of a composite alarm (with an actions suppressor)",
                    with(Map.of("detail.state.timestamp", NOW_MILLIS_OFFSET))),
            new Sample("ec2", "instance-state-change", "/events/ec2-instance-state-change.json",
                    "EC2 Instance State-change Notification", ENVELOPE),
            new Sample("cloudtrail", "api-call",
                    "/events/aws-api-call-via-cloudtrail-authorize-security-group-ingress.json",
                    "AWS API Call via CloudTrail (ec2 AuthorizeSecurityGroupIngress, 0.0.0.0/0)",
                    with(Map.of("detail.eventTime", NOW_SECONDS, "detail.eventID", UUID + "-event",
                            "detail.requestID", UUID + "-request"))),
            new Sample("guardduty", "finding", "/events/guardduty-finding-backdoor-ec2-ccactivity-b.json",
                    "GuardDuty Finding (Backdoor:EC2/C&CActivity.B on an instance)",
                    with(Map.of("detail.id", HEX32, "detail.createdAt", NOW_MILLIS_Z,
                            "detail.updatedAt", NOW_MILLIS_Z, "detail.service.eventFirstSeen", NOW_SECONDS,
                            "detail.service.eventLastSeen", NOW_SECONDS))),
            new Sample("config", "compliance-change", "/events/config-rules-compliance-change-security-group.json",
                    "Config Rules Compliance Change (restricted-ssh, security group COMPLIANT → NON_COMPLIANT)",
                    with(Map.of("detail.notificationCreationTime", NOW_MILLIS_Z,
                            "detail.newEvaluationResult.resultRecordedTime", NOW_MILLIS_Z,
                            "detail.newEvaluationResult.configRuleInvokedTime", NOW_MILLIS_Z,
                            "detail.newEvaluationResult.evaluationResultIdentifier.orderingTimestamp",
                            NOW_MILLIS_Z))),
            new Sample("config", "configuration-item-change",
                    "/events/config-configuration-item-change-security-group.json",
                    "Config Configuration Item Change (a security group given SSH from 0.0.0.0/0)",
                    with(Map.of("detail.notificationCreationTime", NOW_MILLIS_Z,
                            "detail.configurationItem.configurationItemCaptureTime", NOW_MILLIS_Z))),
            new Sample("events", "scheduled", "/events/scheduled-event.json",
                    "Scheduled Event of an EventBridge scheduled rule", ENVELOPE));

    private EventCatalog() {
    }

    private static Map<String, String> with(Map<String, String> fields) {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(ENVELOPE);
        all.putAll(fields);
        return java.util.Collections.unmodifiableMap(all);
    }

    static Optional<Sample> find(String service, String name) {
        return SAMPLES.stream().filter(s -> s.service().equals(service) && s.name().equals(name)).findFirst();
    }

    static List<Sample> of(String service) {
        return SAMPLES.stream().filter(s -> s.service().equals(service)).toList();
    }
}
