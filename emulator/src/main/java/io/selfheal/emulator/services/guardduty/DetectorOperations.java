package io.selfheal.emulator.services.guardduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;

/**
 * CreateDetector, GetDetector, UpdateDetector, DeleteDetector, ListDetectors: one detector per account and region
 * (https://docs.aws.amazon.com/guardduty/latest/APIReference/API_CreateDetector.html); a second CreateDetector is
 * refused in GuardDuty's words. FindingPublishingFrequency defaults to SIX_HOURS.
 */
final class DetectorOperations {
    private final EmulatorContext context;
    private final RegionalStore<GuardDutyRegion> store;

    DetectorOperations(EmulatorContext context, RegionalStore<GuardDutyRegion> store) {
        this.context = context;
        this.store = store;
    }

    JsonNode create(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, GuardDutyErrors.PARAMS);
        if (!p.has("enable") || !p.node("enable").isBoolean()) {
            throw p.has("enable") ? GuardDutyErrors.invalidValue("enable") : GuardDutyErrors.PARAMS.missing("enable");
        }
        PublishingFrequency frequency = frequency(p, PublishingFrequency.SIX_HOURS);
        GuardDutyRegion region = store.get(ctx);
        synchronized (region) {
            if (region.detector != null) {
                throw GuardDutyErrors.badRequest(
                        "The request is rejected because a detector already exists for the current account.");
            }
            String id = context.ids().hex("detector", 32).substring("detector-".length());
            Detector d = new Detector(id, ctx.accountId(), ctx.region(), context.clock().now(),
                    p.node("enable").asBoolean(), frequency);
            d.tags.putAll(tags(input.get("tags")));
            region.detector = d;
            return Json.object().put("detectorId", id);
        }
    }

    JsonNode get(RequestContext ctx, ObjectNode input) {
        Detector d = store.get(ctx).require(input.path("DetectorId").asText(null));
        synchronized (d) {
            ObjectNode out = Json.object().put("createdAt", Finding.timestamp(d.createdAt))
                    .put("findingPublishingFrequency", d.frequency.name())
                    .put("serviceRole", "arn:aws:iam::" + d.accountId
                            + ":role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty")
                    .put("status", d.enabled ? "ENABLED" : "DISABLED")
                    .put("updatedAt", Finding.timestamp(d.updatedAt));
            ObjectNode tags = out.putObject("tags");
            d.tags.forEach(tags::put);
            return out;
        }
    }

    JsonNode update(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, GuardDutyErrors.PARAMS);
        Detector d = store.get(ctx).require(input.path("DetectorId").asText(null));
        if (p.has("enable") && !p.node("enable").isBoolean()) {
            throw GuardDutyErrors.invalidValue("enable");
        }
        PublishingFrequency frequency = frequency(p, null);
        synchronized (d) {
            if (p.has("enable")) {
                d.enabled = p.node("enable").asBoolean();
            }
            if (frequency != null) {
                d.frequency = frequency;
            }
            d.updatedAt = context.clock().now();
        }
        return Json.object();
    }

    JsonNode delete(RequestContext ctx, ObjectNode input) {
        GuardDutyRegion region = store.get(ctx);
        Detector d = region.require(input.path("DetectorId").asText(null));
        synchronized (region) {
            region.detector = null;
        }
        d.retire();
        return Json.object();
    }

    JsonNode list(RequestContext ctx, ObjectNode input) {
        int max = maxResults(input);
        ObjectNode out = Json.object();
        var ids = out.putArray("detectorIds");
        Detector d = store.get(ctx).current();
        if (d != null && max > 0) {
            ids.add(d.id);
        }
        return out;
    }

    /** maxResults: 1–50 (the query string carries it as text). */
    static int maxResults(ObjectNode input) {
        JsonNode node = input.get("maxResults");
        if (node == null || node.isNull()) {
            return 50;
        }
        try {
            int max = Integer.parseInt(node.asText().trim());
            if (max >= 1 && max <= 50) {
                return max;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw GuardDutyErrors.invalidValue("maxResults");
    }

    private static PublishingFrequency frequency(Params p, PublishingFrequency fallback) {
        if (!p.has("findingPublishingFrequency")) {
            return fallback;
        }
        PublishingFrequency f = PublishingFrequency.parse(p.node("findingPublishingFrequency").asText());
        if (f == null) {
            throw GuardDutyErrors.invalidValue("findingPublishingFrequency");
        }
        return f;
    }

    static java.util.Map<String, String> tags(JsonNode node) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw GuardDutyErrors.invalidValue("tags");
        }
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
