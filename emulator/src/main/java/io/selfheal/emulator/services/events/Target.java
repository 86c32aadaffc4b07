package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;

/**
 * A rule's target. At most one of {@code input}, {@code inputPath} and {@code inputTransformer} is set; with none the
 * target receives the whole event.
 *
 * @param id               unique within the rule
 * @param arn              the target resource (a Lambda function, for now)
 * @param input            constant JSON text sent instead of the event
 * @param inputPath        the part of the event to send
 * @param inputTransformer variables and template to build the input from
 */
record Target(String id, String arn, String input, JsonPath inputPath, InputTransformer inputTransformer) {

    /** As ListTargetsByRule shows it. */
    ObjectNode toJson() {
        ObjectNode node = Json.object().put("Id", id).put("Arn", arn);
        if (input != null) {
            node.put("Input", input);
        }
        if (inputPath != null) {
            node.put("InputPath", inputPath.toString());
        }
        if (inputTransformer != null) {
            node.set("InputTransformer", inputTransformer.toJson());
        }
        return node;
    }

    /** What this target receives for {@code event} matched by the rule in {@code context}. */
    String inputFor(ObjectNode event, InputTransformer.Context context) {
        if (input != null) {
            return input;
        }
        if (inputPath != null) {
            var selected = inputPath.evaluate(event);
            return selected == null ? "null" : Json.write(selected);
        }
        if (inputTransformer != null) {
            return inputTransformer.apply(event, context);
        }
        return Json.write(event);
    }
}
