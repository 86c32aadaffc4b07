package io.selfheal.remediations;

import java.util.Map;

/**
 * The fields of a "GuardDuty Finding" EventBridge event this function decides on (finding format:
 * https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings-format.html): {@code detail.id},
 * {@code detail.type}, {@code detail.severity} (a number: 7.0–8.9 High, 9.0–10.0 Critical), the instance of an
 * {@code Instance} resource, {@code detail.service.archived} and the sample marker
 * {@code detail.service.additionalInfo.sample} that CreateSampleFindings sets.
 */
record GuardDutyFinding(String id, String type, double severity, String instanceId, boolean sample,
                        boolean archived) {

    /** The finding of a GuardDuty Finding event, or null when the input is no such event. */
    static GuardDutyFinding from(Map<String, Object> event) {
        if (event == null || !"GuardDuty Finding".equals(event.get("detail-type"))
                || !"aws.guardduty".equals(event.get("source"))) {
            return null;
        }
        Map<String, Object> detail = map(event.get("detail"));
        Map<String, Object> resource = map(detail.get("resource"));
        Map<String, Object> service = map(detail.get("service"));
        Object severity = detail.get("severity");
        String instanceId = "Instance".equals(resource.get("resourceType"))
                ? string(map(resource.get("instanceDetails")).get("instanceId")) : null;
        return new GuardDutyFinding(string(detail.get("id")), string(detail.get("type")),
                severity instanceof Number n ? n.doubleValue() : 0, instanceId,
                Boolean.TRUE.equals(map(service.get("additionalInfo")).get("sample")),
                Boolean.TRUE.equals(service.get("archived")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map ? (Map<String, Object>) o : Map.of();
    }

    private static String string(Object o) {
        return o instanceof String s ? s : null;
    }
}
