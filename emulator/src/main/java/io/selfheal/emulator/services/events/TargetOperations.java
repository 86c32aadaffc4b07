package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PutTargets, RemoveTargets and ListTargetsByRule. As on AWS, malformed requests (ids, lengths, exclusive input
 * options, templates) fail whole with ValidationException, while a target that cannot be added is reported in
 * FailedEntries and the others are added.
 */
final class TargetOperations {
    /** "Targets per rule: 5" (EventBridge quotas). */
    static final int MAX_TARGETS_PER_RULE = 5;

    private final RegionalStore<EventsState> states;

    TargetOperations(RegionalStore<EventsState> states) {
        this.states = states;
    }

    private EventBus bus(RequestContext ctx, Params params) {
        return states.get(ctx).bus(ctx.accountId(), ctx.region(), params.string("EventBusName"));
    }

    JsonNode putTargets(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        String ruleName = EventsErrors.checkName("Rule", params.required("Rule"));
        List<ObjectNode> entries = EventsErrors.requiredList(params, "Targets", 10);
        for (int i = 0; i < entries.size(); i++) {
            checkModel(entries.get(i), "targets." + (i + 1) + ".member.");
        }
        EventBus bus = bus(ctx, params);
        bus.existingRule(ruleName);
        List<Target> accepted = new ArrayList<>();
        ArrayNode failed = Json.array();
        for (ObjectNode entry : entries) {
            Target target = parse(entry);
            String refusal = !TargetKinds.isArn(target.arn())
                    ? "Parameter " + target.arn() + " is not valid. Reason: Provided Arn is not in correct format."
                    : !TargetKinds.isLambdaFunction(target.arn()) ? TargetKinds.unsupportedMessage(target.arn())
                    : null;
            if (refusal == null) {
                accepted.add(target);
            } else {
                failed.addObject().put("TargetId", target.id()).put("ErrorCode", "ValidationException")
                        .put("ErrorMessage", refusal);
            }
        }
        bus.update(ruleName, rule -> {
            Map<String, Target> merged = new LinkedHashMap<>(rule.targets());
            accepted.forEach(t -> merged.put(t.id(), t));
            if (merged.size() > MAX_TARGETS_PER_RULE) {
                throw EventsErrors.limitExceeded();
            }
            return rule.withTargets(merged);
        });
        ObjectNode out = Json.object().put("FailedEntryCount", failed.size());
        out.set("FailedEntries", failed);
        return out;
    }

    /** The API model's constraints on one target, reported as AWS's request validation words them. */
    private static void checkModel(ObjectNode entry, String path) {
        Params target = new Params(entry, EventsErrors.PARAMS);
        String id = target.string("Id");
        if (id == null) {
            throw EventsErrors.PARAMS.missing(path + "id");
        }
        EventsErrors.checkName(path + "id", id);
        String arn = target.string("Arn");
        if (arn == null) {
            throw EventsErrors.PARAMS.missing(path + "arn");
        }
        if (arn.isEmpty()) {
            throw EventsErrors.PARAMS.invalid(path + "arn", arn, "Member must have length greater than or equal to 1");
        }
        EventsErrors.checkMaxLength(path + "arn", arn, 1600);
        EventsErrors.checkMaxLength(path + "input", target.string("Input"), 8192);
        EventsErrors.checkMaxLength(path + "inputPath", target.string("InputPath"), 256);
    }

    /** Validates the input options of one target as PutTargets does and builds it. */
    private static Target parse(ObjectNode entry) {
        Params target = new Params(entry, EventsErrors.PARAMS);
        String id = target.string("Id");
        String input = target.string("Input");
        String inputPath = target.string("InputPath");
        Params transformer = target.child("InputTransformer");
        int options = (input != null ? 1 : 0) + (inputPath != null ? 1 : 0) + (transformer != null ? 1 : 0);
        if (options > 1) {
            throw EventsErrors.validation(
                    "Only one of Input, InputPath, or InputTransformer must be provided for target " + id + ".");
        }
        if (input != null) {
            try {
                Json.parse(input);
            } catch (JsonProcessingException e) {
                throw EventsErrors.validation("Input for target " + id + " is not a valid JSON text.");
            }
        }
        JsonPath path = null;
        if (inputPath != null) {
            try {
                path = JsonPath.parse(inputPath);
            } catch (IllegalArgumentException e) {
                throw EventsErrors.validation("InputPath for target " + id + " is not a valid JSON path: "
                        + e.getMessage() + ".");
            }
        }
        InputTransformer transform = transformer == null ? null
                : InputTransformer.of(id, pathsMap(transformer), transformer.string("InputTemplate"));
        return new Target(id, target.string("Arn"), input, path, transform);
    }

    private static Map<String, String> pathsMap(Params transformer) {
        Map<String, String> map = new LinkedHashMap<>();
        JsonNode node = transformer.node("InputPathsMap");
        if (node == null) {
            return map;
        }
        if (!node.isObject()) {
            throw EventsErrors.PARAMS.invalid("InputTransformer.InputPathsMap", node.toString(),
                    "Member must be a map");
        }
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    JsonNode removeTargets(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        String ruleName = EventsErrors.checkName("Rule", params.required("Rule"));
        params.requiredNode("Ids");
        List<String> ids = params.strings("Ids");
        if (ids.isEmpty() || ids.size() > 100) {
            throw EventsErrors.PARAMS.invalid("Ids", ids.toString(), ids.isEmpty()
                    ? "Member must have length greater than or equal to 1"
                    : "Member must have length less than or equal to 100");
        }
        ArrayNode failed = Json.array();
        bus(ctx, params).update(ruleName, rule -> {
            Map<String, Target> remaining = new LinkedHashMap<>(rule.targets());
            for (String id : ids) {
                if (remaining.remove(id) == null) {
                    failed.addObject().put("TargetId", id).put("ErrorCode", "ResourceNotFoundException")
                            .put("ErrorMessage", "Rule " + ruleName + " does not have a target with the Id " + id
                                    + ".");
                }
            }
            return rule.withTargets(remaining);
        });
        ObjectNode out = Json.object().put("FailedEntryCount", failed.size());
        out.set("FailedEntries", failed);
        return out;
    }

    JsonNode listTargetsByRule(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        String ruleName = EventsErrors.checkName("Rule", params.required("Rule"));
        Rule rule = bus(ctx, params).existingRule(ruleName);
        return Page.of(rule.targetList(), params, "Targets", Target::toJson);
    }
}
