package io.selfheal.emulator.services.guardduty;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sample findings as {@code CreateSampleFindings} makes them (placeholder instance {@code i-99999999},
 * {@code additionalInfo.sample: true}: https://docs.aws.amazon.com/guardduty/latest/ug/sample_findings.html), and the
 * {@code GuardDuty Finding} event GuardDuty sends for one — for tools that print a sample event without running an
 * emulator ({@code selfheal events guardduty finding --type …}).
 */
public final class SampleFindings {
    private SampleFindings() {
    }

    /** The finding types GuardDuty here raises, in the order of its table. */
    public static List<String> types() {
        return FindingTypes.names();
    }

    /**
     * The EventBridge event of a sample finding (envelope as GuardDuty's events carry it: {@code resources} empty,
     * https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings_eventbridge.html).
     *
     * @throws IllegalArgumentException for a type not in {@link #types()}
     */
    public static ObjectNode event(String type, String accountId, String region, String detectorId,
                                   String findingId, String eventId, Instant now) {
        FindingType t = FindingTypes.find(type);
        if (t == null) {
            throw new IllegalArgumentException("unsupported finding type " + type + ": use one of " + types());
        }
        Finding f = new Finding(findingId, accountId, region, detectorId, t, "sample", true, now);
        Occurrences.fill(f, observation(t, accountId));
        ObjectNode event = Json.object().put("version", "0").put("id", eventId)
                .put("detail-type", Occurrences.DETAIL_TYPE).put("source", Occurrences.SOURCE)
                .put("account", accountId).put("time", now.truncatedTo(ChronoUnit.SECONDS).toString())
                .put("region", region);
        event.putArray("resources");
        event.set("detail", f.detail());
        return event;
    }

    /** What a sample of this type observed. */
    static Occurrences.Observation observation(FindingType type, String accountId) {
        ThreatDetails details = ThreatDetails.defaults(type);
        Map<String, String> placeholders = new LinkedHashMap<>();
        placeholders.put("instanceId", FindingResources.SAMPLE_INSTANCE);
        placeholders.put("remoteIp", details.remoteIp());
        placeholders.put("domain", details.domain());
        placeholders.put("port", String.valueOf(details.shownPort(type)));
        placeholders.put("role", "GeneratedFindingInstanceProfile");
        return new Occurrences.Observation(type, "sample", true, type.defaultSeverity(),
                FindingResources.sample(type, accountId), FindingActions.of(type, details, "10.0.0.1"), placeholders);
    }
}
