package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.selfheal.emulator.core.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target's InputTransformer, validated once at PutTargets and applied to every matching event, as the user guide
 * page "Amazon EventBridge input transformation" describes
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html, and its section "Common
 * issues with transforming input"):
 * <ul>
 *   <li>JSON templates (starting with <code>{</code>, <code>[</code> or a quote): a {@code <var>} outside quotes is
 *       inserted as a JSON value (strings quoted, numbers, objects and arrays inline); inside a JSON string it is
 *       inserted as text;</li>
 *   <li>any other template is plain text: every variable is inserted as text;</li>
 *   <li>as text, a string is inserted as it is, unescaped ("EventBridge doesn't escape values extracted by Input
 *       Path"), and an object or array as its JSON with the quotes removed ("EventBridge removes any internal quotes
 *       to ensure a valid string": {@code Detail is {state:RUNNING}});</li>
 *   <li>an object or array template whose result is not JSON (a value holding a quote, say) is not delivered:
 *       {@link #apply} throws {@link InvalidResult}, which the delivery records as a failed invocation (dead-letter
 *       ERROR_CODE {@code INVALID_JSON});</li>
 *   <li>a path that matches nothing yields an empty string (<code>""</code> outside quotes), as AWS delivers it
 *       ("that variable isn't created");</li>
 *   <li>the predefined {@code aws.events.*} variables need no path.</li>
 * </ul>
 */
final class InputTransformer {
    static final String RULE_ARN = "aws.events.rule-arn";
    static final String RULE_NAME = "aws.events.rule-name";
    static final String INGESTION_TIME = "aws.events.event.ingestion-time";
    static final String EVENT = "aws.events.event";
    static final String EVENT_JSON = "aws.events.event.json";
    private static final Set<String> PREDEFINED = Set.of(RULE_ARN, RULE_NAME, INGESTION_TIME, EVENT, EVENT_JSON);
    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z0-9_.\\-]+)>");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_\\-]+");

    /** What the predefined variables stand for when one event reaches one rule. */
    record Context(String ruleArn, String ruleName, String ingestionTime) {
    }

    /** A JSON template's result that is not JSON: AWS does not deliver it. */
    static final class InvalidResult extends RuntimeException {
        InvalidResult(String message) {
            super(message, null, false, false);
        }
    }

    /** A piece of the template: literal text, or a variable and whether it stands inside a JSON string. */
    private record Segment(String literal, String variable, boolean inString) {
    }

    private final Map<String, String> inputPathsMap;
    private final Map<String, JsonPath> paths;
    private final String template;
    private final boolean jsonAware;
    /** An object or array template: its result must be JSON to be delivered. */
    private final boolean mustStayJson;
    private final List<Segment> segments;

    private InputTransformer(Map<String, String> inputPathsMap, Map<String, JsonPath> paths, String template,
                             boolean jsonAware, boolean mustStayJson, List<Segment> segments) {
        this.inputPathsMap = inputPathsMap;
        this.paths = paths;
        this.template = template;
        this.jsonAware = jsonAware;
        this.mustStayJson = mustStayJson;
        this.segments = segments;
    }

    /**
     * Validates as PutTargets does.
     *
     * @throws io.selfheal.emulator.core.AwsException ValidationException naming the target
     */
    static InputTransformer of(String targetId, Map<String, String> inputPathsMap, String template) {
        if (template == null) {
            throw EventsErrors.PARAMS.missing("InputTransformer.InputTemplate");
        }
        if (template.isEmpty()) {
            throw EventsErrors.PARAMS.invalid("InputTransformer.InputTemplate", template,
                    "Member must have length greater than or equal to 1");
        }
        EventsErrors.checkMaxLength("InputTransformer.InputTemplate", template, 8192);
        if (inputPathsMap.size() > 100) {
            throw EventsErrors.PARAMS.invalid("InputTransformer.InputPathsMap", "{…}",
                    "Member must have length less than or equal to 100");
        }
        Map<String, JsonPath> paths = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : inputPathsMap.entrySet()) {
            if (!KEY.matcher(e.getKey()).matches()) {
                throw EventsErrors.PARAMS.invalid("InputTransformer.InputPathsMap", e.getKey(),
                        "Map keys must satisfy regular expression pattern: [A-Za-z0-9\\_\\-]+");
            }
            EventsErrors.checkMaxLength("InputTransformer.InputPathsMap." + e.getKey(), e.getValue(), 256);
            try {
                paths.put(e.getKey(), JsonPath.parse(e.getValue()));
            } catch (IllegalArgumentException bad) {
                throw EventsErrors.validation("InputPathsMap for target " + targetId + " has an invalid JSON path "
                        + e.getValue() + " for " + e.getKey() + ": " + bad.getMessage() + ".");
            }
        }
        String trimmed = template.strip();
        boolean jsonAware = trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.startsWith("\"");
        List<Segment> segments = segments(template, jsonAware);
        for (Segment s : segments) {
            if (s.variable() != null && !paths.containsKey(s.variable()) && !PREDEFINED.contains(s.variable())) {
                throw EventsErrors.validation("InputTemplate for target " + targetId
                        + " contains invalid placeholder " + s.variable() + ".");
            }
        }
        boolean mustStayJson = trimmed.startsWith("{") || trimmed.startsWith("[");
        InputTransformer transformer = new InputTransformer(Collections.unmodifiableMap(
                new LinkedHashMap<>(inputPathsMap)), paths, template, jsonAware, mustStayJson, segments);
        if (mustStayJson) {
            transformer.checkProducesJson(targetId);
        }
        return transformer;
    }

    /**
     * A dry run with stand-in values: an object or array template must stay JSON (a placeholder cannot be an object
     * key). Quoted-string templates are not dry-run: AWS's rule for text after the closing quote is not documented.
     */
    private void checkProducesJson(String targetId) {
        StringBuilder out = new StringBuilder();
        for (Segment s : segments) {
            out.append(s.literal() != null ? s.literal() : s.inString() ? "x" : "null");
        }
        try {
            Json.parse(out.toString());
        } catch (JsonProcessingException e) {
            throw EventsErrors.validation("InputTemplate for target " + targetId + " is not valid JSON: "
                    + e.getOriginalMessage() + ".");
        }
    }

    /** Splits the template, tracking (for JSON templates) whether each placeholder stands inside a string. */
    private static List<Segment> segments(String template, boolean jsonAware) {
        List<Segment> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        boolean inString = false;
        while (m.find()) {
            String before = template.substring(last, m.start());
            if (jsonAware) {
                inString = toggles(before, inString);
            }
            if (!before.isEmpty()) {
                out.add(new Segment(before, null, false));
            }
            out.add(new Segment(null, m.group(1), inString));
            last = m.end();
        }
        if (last < template.length()) {
            out.add(new Segment(template.substring(last), null, false));
        }
        return List.copyOf(out);
    }

    /** Whether we are inside a JSON string after {@code text}, given where we started; {@code \"} does not count. */
    private static boolean toggles(String text, boolean inString) {
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (c == '\\' && inString) {
                escaped = true;
            } else if (c == '"') {
                inString = !inString;
            }
        }
        return inString;
    }

    /**
     * The text the target receives for {@code event}.
     *
     * @throws InvalidResult when an object or array template does not yield JSON
     */
    String apply(ObjectNode event, Context context) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        for (Segment s : segments) {
            if (s.literal() != null) {
                out.append(s.literal());
                continue;
            }
            JsonNode value = resolve(s.variable(), event, context);
            if (!jsonAware || s.inString()) {
                out.append(asText(value));
            } else {
                out.append(value == null ? "\"\"" : Json.write(value));
            }
        }
        String result = out.toString();
        if (mustStayJson) {
            try {
                Json.parse(result);
            } catch (JsonProcessingException e) {
                throw new InvalidResult("The transformed input is not valid JSON: " + e.getOriginalMessage());
            }
        }
        return result;
    }

    private JsonNode resolve(String variable, ObjectNode event, Context context) {
        return switch (variable) {
            case RULE_ARN -> TextNode.valueOf(context.ruleArn());
            case RULE_NAME -> TextNode.valueOf(context.ruleName());
            case INGESTION_TIME -> TextNode.valueOf(context.ingestionTime());
            case EVENT -> EventEnvelope.withoutDetail(event, context.ingestionTime());
            case EVENT_JSON -> event;
            default -> paths.get(variable).evaluate(event);
        };
    }

    /** A value as text: strings as they are, objects and arrays as JSON without their quotes. */
    private static String asText(JsonNode value) {
        if (value == null) {
            return "";
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        String json = Json.write(value);
        return value.isContainerNode() ? withoutQuotes(json) : json;
    }

    /** Drops the quotes that delimit the strings of compact JSON; an escaped quote inside a string stays. */
    private static String withoutQuotes(String json) {
        StringBuilder out = new StringBuilder(json.length());
        boolean escaped = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    Map<String, String> inputPathsMap() {
        return inputPathsMap;
    }

    String template() {
        return template;
    }

    /** As ListTargetsByRule shows it. */
    ObjectNode toJson() {
        ObjectNode node = Json.object();
        if (!inputPathsMap.isEmpty()) {
            ObjectNode map = node.putObject("InputPathsMap");
            inputPathsMap.forEach(map::put);
        }
        node.put("InputTemplate", template);
        return node;
    }
}
