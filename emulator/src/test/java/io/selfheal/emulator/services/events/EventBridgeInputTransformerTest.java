package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.ServiceEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input transformation. The user guide page "Amazon EventBridge input transformation" (its example EC2 event,
 * variables, templates and documented outputs, in the fixtures corpus {@code corpus/transformers.json}) is delivered
 * case by case through the SDK to a stand-in Lambda; the unit tests below cover what the page says in words (missing
 * paths, predefined variables, validation) and selfheal's own choices.
 */
class EventBridgeInputTransformerTest extends EventBridgeTestBase {
    private static final ObjectNode EVENT = parse("{\"version\":\"0\",\"id\":\"7bf73129-1428-4cd3-a780-95db273d1602\","
            + "\"detail-type\":\"EC2 Instance State-change Notification\",\"source\":\"aws.ec2\","
            + "\"account\":\"123456789012\",\"time\":\"2015-11-11T21:29:54Z\",\"region\":\"us-east-1\","
            + "\"resources\":[\"arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111\"],"
            + "\"detail\":{\"instance-id\":\"i-0123456789\",\"state\":\"RUNNING\"}}");
    private static final Map<String, String> PATHS = Map.of("timestamp", "$.time", "instance", "$.detail.instance-id",
            "state", "$.detail.state", "resource", "$.resources[0]");
    private static final InputTransformer.Context RULE = new InputTransformer.Context(
            "arn:aws:events:us-east-2:123456789012:rule/example", "example", "2015-11-11T21:29:55.123Z");

    static Stream<Arguments> documentedTransformers() {
        return Corpus.cases("transformers.json");
    }

    /**
     * Each corpus case as a rule's target sees it: the event reaches the default bus as an AWS service's event (its
     * source may be aws.*), the rule named by the case matches its source, and the stand-in Lambda receives the
     * transformed input. The delivered event has its own id, which stands in for the corpus event's id.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedTransformers")
    void documentedTransformersDeliverTheDocumentedOutput(String name, JsonNode c) throws Exception {
        JsonNode event = c.get("event");
        String rule = c.path("rule").asText();
        putRule(rule, "{\"source\":[" + Json.write(event.get("source")) + "]}");
        JsonNode t = c.get("InputTransformer");
        Map<String, String> paths = new LinkedHashMap<>();
        t.path("InputPathsMap").properties().forEach(e -> paths.put(e.getKey(), e.getValue().asText()));
        putTarget(rule, software.amazon.awssdk.services.eventbridge.model.Target.builder().id("fn").arn(FUNCTION)
                .inputTransformer(b -> b.inputPathsMap(paths).inputTemplate(t.path("InputTemplate").asText()))
                .build());
        List<String> resources = new ArrayList<>();
        event.path("resources").forEach(r -> resources.add(r.asText()));
        lambda.publish(new ServiceEvent(event.path("account").asText(), event.path("region").asText(),
                event.path("source").asText(), event.path("detail-type").asText(), resources,
                (ObjectNode) event.get("detail"), Instant.parse(event.path("time").asText())));
        awaitIdle();

        List<String> payloads = lambda.payloads(FUNCTION);
        if (!c.path("delivered").asBoolean(true)) {
            assertThat(payloads).as("not delivered").isEmpty();
            assertThat(recorded().get(0).deliveries()).singleElement().satisfies(d -> {
                assertThat(d.delivered()).isFalse();
                assertThat(DeadLetterCodes.of(d.errorCode())).isEqualTo(c.path("deadLetterErrorCode").asText());
            });
            return;
        }
        assertThat(payloads).hasSize(1);
        String deliveredId = recorded().get(0).eventId();
        String output = payloads.get(0).replace(deliveredId, event.path("id").asText());
        String expected = c.path("output").asText();
        if (output.startsWith("{") || output.startsWith("[") || output.startsWith("\"")) {
            assertThat(tree(output)).as(name).isEqualTo(tree(expected));
        } else {
            assertThat(output).as(name).isEqualTo(expected);
        }
    }

    @Test
    void reservedVariablesInJson() {
        JsonNode out = json("{\"instance\" : <instance>, \"state\": <state>, \"ruleArn\" : <aws.events.rule-arn>,"
                + " \"ruleName\" : <aws.events.rule-name>, \"originalEvent\" : <aws.events.event>,"
                + " \"json\": <aws.events.event.json>, \"at\": <aws.events.event.ingestion-time>}");
        assertThat(out.get("ruleArn").asText()).isEqualTo("arn:aws:events:us-east-2:123456789012:rule/example");
        assertThat(out.get("ruleName").asText()).isEqualTo("example");
        assertThat(out.get("at").asText()).isEqualTo("2015-11-11T21:29:55.123Z");
        assertThat(out.get("json")).isEqualTo(EVENT);
        JsonNode original = out.get("originalEvent");
        assertThat(original.get("id").asText()).isEqualTo("7bf73129-1428-4cd3-a780-95db273d1602");
        assertThat(original.get("detailType").asText()).isEqualTo("EC2 Instance State-change Notification");
        assertThat(original.has("detail")).isFalse();
    }

    @Test
    void plainTextTemplatesInsertTextAsIs() {
        assertThat(apply("<instance> is in state <state> (<resource>)"))
                .isEqualTo("i-0123456789 is in state RUNNING (arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111)");
    }

    @Test
    void numbersObjectsAndArraysAreInsertedAsJsonValues() {
        ObjectNode event = EVENT.deepCopy();
        ((ObjectNode) event.get("detail")).put("count", 3).putArray("tags").add("a").add("b");
        InputTransformer t = InputTransformer.of("t", Map.of("count", "$.detail.count", "tags", "$.detail.tags",
                "detail", "$.detail"), "{\"n\": <count>, \"tags\": <tags>, \"d\": <detail>, \"s\": \"<count> tags\"}");
        JsonNode out = parse(t.apply(event, RULE));
        assertThat(out.get("n").isInt()).isTrue();
        assertThat(out.get("tags")).isEqualTo(tree("[\"a\",\"b\"]"));
        assertThat(out.get("d")).isEqualTo(event.get("detail"));
        assertThat(out.get("s").asText()).isEqualTo("3 tags");
    }

    /** The user guide: a variable whose JSON path "doesn't exist in the event ... isn't created". */
    @Test
    void aPathThatMatchesNothingYieldsAnEmptyString() {
        Map<String, String> paths = new LinkedHashMap<>(PATHS);
        paths.put("missing", "$.detail.notinmessage");
        assertThat(InputTransformer.of("t", paths, "\"instance <instance> is <missing>\"").apply(EVENT, RULE))
                .isEqualTo("\"instance i-0123456789 is \"");
        assertThat(parse(InputTransformer.of("t", paths, "{\"instance\": <instance>, \"missing\": <missing>}")
                .apply(EVENT, RULE))).isEqualTo(parse("{\"instance\":\"i-0123456789\",\"missing\":\"\"}"));
    }

    /** "Common issues with transforming input": values are not escaped; objects and arrays in strings lose quotes. */
    @Test
    void textIsInsertedUnescapedAndObjectsInStringsLoseTheirQuotes() {
        ObjectNode event = EVENT.deepCopy();
        ((ObjectNode) event.get("detail")).put("note", "a \\\"b\\\" c").putObject("o").put("k", "say \"hi\"");
        Map<String, String> paths = Map.of("note", "$.detail.note", "o", "$.detail.o");
        assertThat(InputTransformer.of("t", paths, "<note> <o>").apply(event, RULE))
                .as("an escaped quote inside a string of the object stays escaped")
                .isEqualTo("a \\\"b\\\" c {k:say \\\"hi\\\"}");
        assertThat(parse(InputTransformer.of("t", paths, "{\"o\": \"<o>\", \"raw\": <o>}").apply(event, RULE)))
                .isEqualTo(parse("{\"o\": \"{k:say \\\"hi\\\"}\", \"raw\": {\"k\": \"say \\\"hi\\\"\"}}"));
    }

    @Test
    void aJsonTemplateThatStopsBeingJsonIsRefusedAtDelivery() {
        ObjectNode event = EVENT.deepCopy();
        ((ObjectNode) event.get("detail")).put("state", "say \"hi\"");
        InputTransformer object = InputTransformer.of("t", PATHS, "{\"msg\": \"state is <state>\"}");
        assertThatThrownBy(() -> object.apply(event, RULE)).isInstanceOf(InputTransformer.InvalidResult.class)
                .hasMessageStartingWith("The transformed input is not valid JSON");
        assertThat(InputTransformer.of("t", PATHS, "{\"raw\": <state>}").apply(event, RULE))
                .as("outside quotes a string is a JSON value").isEqualTo("{\"raw\": \"say \\\"hi\\\"\"}");
        assertThat(InputTransformer.of("t", PATHS, "\"state is <state>\"").apply(event, RULE))
                .as("a quoted-string template is text, delivered as it is").isEqualTo("\"state is say \"hi\"\"");
    }

    @Test
    void anUndefinedPlaceholderIsRefusedAtPutTargets() {
        assertThatThrownBy(() -> InputTransformer.of("my-target", PATHS,
                "\"Event of <instance> type, with not defined key <notdefinedkey>\""))
                .isInstanceOf(AwsException.class)
                .hasMessage("InputTemplate for target my-target contains invalid placeholder notdefinedkey.");
    }

    @Test
    void aPlaceholderCannotBeAnObjectKey() {
        assertThatThrownBy(() -> InputTransformer.of("t", PATHS, "{<instance>: \"x\"}"))
                .isInstanceOf(AwsException.class)
                .hasMessageStartingWith("InputTemplate for target t is not valid JSON");
    }

    @Test
    void pathsMapLimitsAndSyntaxAreChecked() {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i <= 100; i++) {
            many.put("v" + i, "$.detail");
        }
        assertThatThrownBy(() -> InputTransformer.of("t", many, "\"x\""))
                .hasMessageContaining("Member must have length less than or equal to 100");
        assertThatThrownBy(() -> InputTransformer.of("t", Map.of("v", "detail.state"), "\"<v>\""))
                .hasMessageContaining("has an invalid JSON path detail.state");
        assertThatThrownBy(() -> InputTransformer.of("t", Map.of("v", "$.detail['state']"), "\"<v>\""))
                .hasMessageContaining("has an invalid JSON path");
        assertThatThrownBy(() -> InputTransformer.of("t", Map.of("aws.events.rule-arn", "$.detail"), "\"x\""))
                .hasMessageContaining("failed to satisfy constraint");
    }

    @Test
    void jsonPathsFollowDotsIndexesAndWildcards() {
        assertThat(JsonPath.parse("$").evaluate(EVENT)).isEqualTo(EVENT);
        assertThat(JsonPath.parse("$.detail.instance-id").evaluate(EVENT).asText()).isEqualTo("i-0123456789");
        assertThat(JsonPath.parse("$.resources[0]").evaluate(EVENT).asText()).endsWith("i-abcd1111");
        assertThat(JsonPath.parse("$.resources[1]").evaluate(EVENT)).isNull();
        assertThat(JsonPath.parse("$.detail.*").evaluate(EVENT)).isEqualTo(tree("[\"i-0123456789\",\"RUNNING\"]"));
        assertThat(JsonPath.parse("$.nothing.here").evaluate(EVENT)).isNull();
    }

    private static String apply(String template) {
        return InputTransformer.of("t", PATHS, template).apply(EVENT, RULE);
    }

    private static JsonNode json(String template) {
        return parse(apply(template));
    }

    private static ObjectNode parse(String json) {
        return (ObjectNode) tree(json);
    }

    private static JsonNode tree(String json) {
        try {
            return Json.parse(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
