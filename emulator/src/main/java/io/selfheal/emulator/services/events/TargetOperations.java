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
 * options, templates, a FIFO queue without SqsParameters, retry policy ranges) fail whole with ValidationException,
 * while a target that cannot be added is reported in FailedEntries and the others are added.
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
        for (int i = 0; i < entries.size(); i++) {
            Target target = parse(entries.get(i), "targets." + (i + 1) + ".member.");
            String refusal = refusal(target, ctx);
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

    /**
     * Why a well-formed target cannot be added (reported in FailedEntries), or null. Kinds selfheal does not deliver
     * to, and event bus targets it cannot deliver faithfully, are refused here rather than accepted and dropped.
     */
    private static String refusal(Target target, RequestContext ctx) {
        if (!TargetKinds.isArn(target.arn())) {
            return "Parameter " + target.arn() + " is not valid. Reason: Provided Arn is not in correct format.";
        }
        TargetKinds.Parsed kind = TargetKinds.parse(target.arn());
        if (kind == null) {
            return TargetKinds.unsupportedMessage(target.arn());
        }
        if (kind.kind() == TargetKinds.Kind.EVENT_BUS) {
            if (target.input() != null || target.inputPath() != null || target.inputTransformer() != null) {
                return "selfheal puts the original event on a target event bus: Input, InputPath and "
                        + "InputTransformer would not be applied to target " + target.id() + ", so it was not added.";
            }
        }
        return null;
    }

    /** Validates the options of one target as PutTargets does and builds it. */
    private static Target parse(ObjectNode entry, String path) {
        Params target = new Params(entry, EventsErrors.PARAMS);
        String id = target.string("Id");
        String arn = target.string("Arn");
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
        JsonPath jsonPath = null;
        if (inputPath != null) {
            try {
                jsonPath = JsonPath.parse(inputPath);
            } catch (IllegalArgumentException e) {
                throw EventsErrors.validation("InputPath for target " + id + " is not a valid JSON path: "
                        + e.getMessage() + ".");
            }
        }
        InputTransformer transform = transformer == null ? null
                : InputTransformer.of(id, pathsMap(transformer), transformer.string("InputTemplate"));
        String roleArn = EventsErrors.checkMaxLength(path + "roleArn", target.string("RoleArn"), 1600);
        TargetKinds.Kind kind = TargetKinds.kind(arn);
        if (roleArn == null && kind == TargetKinds.Kind.API_DESTINATION) {
            // API destinations are invoked with the target's role (events:InvokeApiDestination).
            throw EventsErrors.validation("RoleArn is required for target " + arn + ".");
        }
        Params sqs = target.child("SqsParameters");
        String groupId = sqs == null ? null
                : EventsErrors.checkMaxLength(path + "sqsParameters.messageGroupId", sqs.string("MessageGroupId"), 100);
        if (TargetKinds.isFifoQueue(arn) && (groupId == null || groupId.isEmpty())) {
            // A FIFO queue takes no message without a group.
            throw EventsErrors.validation("Parameter(s) SqsParameters must be specified for target: " + id + ".");
        }
        Params http = target.child("HttpParameters");
        HttpParameters httpParameters = http == null ? null : HttpParameters.parse(http, path + "httpParameters");
        return new Target(id, arn, roleArn, input, jsonPath, transform, groupId, httpParameters,
                retryPolicy(target.child("RetryPolicy"), path + "retryPolicy."),
                deadLetterArn(target.child("DeadLetterConfig"), id, path + "deadLetterConfig."));
    }

    /** RetryPolicy within the model's ranges. */
    private static Target.RetryPolicy retryPolicy(Params policy, String path) {
        if (policy == null) {
            return null;
        }
        Integer attempts = policy.integer("MaximumRetryAttempts");
        if (attempts != null && (attempts < 0 || attempts > 185)) {
            throw EventsErrors.PARAMS.invalid(path + "maximumRetryAttempts", attempts.toString(), attempts < 0
                    ? "Member must have value greater than or equal to 0"
                    : "Member must have value less than or equal to 185");
        }
        Integer age = policy.integer("MaximumEventAgeInSeconds");
        if (age != null && (age < 60 || age > 86400)) {
            throw EventsErrors.PARAMS.invalid(path + "maximumEventAgeInSeconds", age.toString(), age < 60
                    ? "Member must have value greater than or equal to 60"
                    : "Member must have value less than or equal to 86400");
        }
        return new Target.RetryPolicy(attempts, age);
    }

    /** "EventBridge DLQs are standard Amazon SQS queues" (Event retry policy and using dead-letter queues). */
    private static String deadLetterArn(Params config, String id, String path) {
        if (config == null) {
            return null;
        }
        String arn = config.string("Arn");
        if (arn == null) {
            return null;
        }
        if (arn.isEmpty()) {
            throw EventsErrors.PARAMS.invalid(path + "arn", arn, "Member must have length greater than or equal to 1");
        }
        EventsErrors.checkMaxLength(path + "arn", arn, 1600);
        if (!TargetKinds.isQueue(arn) || TargetKinds.isFifoQueue(arn)) {
            throw EventsErrors.validation("The dead-letter queue of target " + id + " must be a standard SQS queue, "
                    + "not " + arn + ".");
        }
        return arn;
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
