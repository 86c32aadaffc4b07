package io.selfheal.emulator.services.guardduty;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * One finding: its identity is fixed at creation; each recurrence (same type, same resource) moves {@code count},
 * {@code updatedAt}, {@code eventLastSeen} and refreshes the resource from live state. Guarded by the detector's lock.
 * Its JSON is AWS's finding format (https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-format.html).
 */
final class Finding {
    /** GuardDuty's timestamps carry milliseconds ({@code 2017-10-31T23:16:23.824Z}). */
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    final String id;
    final String arn;
    final String accountId;
    final String region;
    final String detectorId;
    final FindingType type;
    /** What makes a later occurrence the same finding: the resource it is about. */
    final String resourceKey;
    final boolean sample;
    final Instant createdAt;
    final Instant eventFirstSeen;
    ObjectNode resource;
    ObjectNode action;
    String title;
    String description;
    double severity;
    int count = 1;
    Instant updatedAt;
    Instant eventLastSeen;
    boolean archived;
    String feedback;
    /** When the detector last sent this finding to EventBridge; null while it never did. */
    Instant publishedAt;
    /** Whether occurrences since {@link #publishedAt} wait for the next publishing window. */
    boolean pendingRecurrence;

    Finding(String id, String accountId, String region, String detectorId, FindingType type, String resourceKey,
            boolean sample, Instant now) {
        this.id = id;
        this.arn = "arn:aws:guardduty:" + region + ":" + accountId + ":detector/" + detectorId + "/finding/" + id;
        this.accountId = accountId;
        this.region = region;
        this.detectorId = detectorId;
        this.type = type;
        this.resourceKey = resourceKey;
        this.sample = sample;
        this.createdAt = now;
        this.eventFirstSeen = now;
        this.updatedAt = now;
        this.eventLastSeen = now;
    }

    static String timestamp(Instant instant) {
        return MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The finding as EventBridge's {@code detail} carries it: {@code service.additionalInfo} is an object. */
    ObjectNode detail() {
        ObjectNode f = common();
        ((ObjectNode) f.get("service")).set("additionalInfo", additionalInfo());
        return f;
    }

    /**
     * The finding as GetFindings returns it: the API's {@code ServiceAdditionalInfo} carries the same object as JSON
     * text in {@code value}, with {@code type} {@code default}.
     */
    ObjectNode api() {
        ObjectNode f = common();
        ((ObjectNode) f.get("service")).putObject("additionalInfo").put("value", Json.write(additionalInfo()))
                .put("type", "default");
        return f;
    }

    private ObjectNode additionalInfo() {
        ObjectNode info = Json.object();
        if (sample) {
            info.put("sample", true);
        }
        return info;
    }

    private ObjectNode common() {
        ObjectNode f = Json.object().put("schemaVersion", "2.0").put("accountId", accountId).put("region", region)
                .put("partition", "aws").put("id", id).put("arn", arn).put("type", type.name());
        f.set("resource", resource.deepCopy());
        ObjectNode service = f.putObject("service").put("serviceName", "guardduty").put("detectorId", detectorId);
        service.set("action", action.deepCopy());
        service.put("resourceRole", type.resourceRole())
                .put("eventFirstSeen", timestamp(eventFirstSeen)).put("eventLastSeen", timestamp(eventLastSeen))
                .put("archived", archived).put("count", count);
        if (feedback != null) {
            service.put("userFeedback", feedback);
        }
        return f.put("severity", severity).put("createdAt", timestamp(createdAt))
                .put("updatedAt", timestamp(updatedAt)).put("title", title).put("description", description);
    }
}
