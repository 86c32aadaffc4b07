package io.selfheal.harness.expect;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.control.EventRecord;
import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.YMap;
import java.util.ArrayList;
import java.util.List;

/**
 * What was published to a stack topic since provisioning: successful SNS Publish calls naming it plus EventBridge
 * deliveries to it as a rule target — {@code topic: {ref: alerts, published: 1}}, optionally with
 * {@code contains} (a JSON subset some message must contain). Independent of subscriptions, so a scenario can tell
 * "never published" from "published but not delivered".
 */
public record TopicExpectation(String topic, Integer published, JsonNode contains) implements Expectation {

    @Override
    public String describe() {
        return "topic " + topic + (published != null ? " got " + published + " message" + (published == 1 ? "" : "s")
                : " got a message") + (contains != null ? (published != null ? ", one" : "") + " containing " + contains
                : "");
    }

    @Override
    public java.util.Set<io.selfheal.harness.backend.Capability> needs() {
        return java.util.Set.of(io.selfheal.harness.backend.Capability.CALL_LOG, io.selfheal.harness.backend.Capability.EVENT_LOG);
    }

    @Override
    public Verdict check(ProbeContext run) {
        String arn = run.state().get("topics", topic, "arn");
        List<String> messages = new ArrayList<>();
        run.cloud().observation().calls().stream()
                .filter(c -> c.service().equals("sns") && c.operation().equals("Publish") && c.succeeded()
                        && arn.equals(c.parameters().path("TopicArn").asText()))
                .forEach(c -> messages.add(c.parameters().path("Message").asText()));
        for (EventRecord e : run.cloud().observation().events()) {
            e.deliveries().stream().filter(d -> d.delivered() && arn.equals(d.targetArn()))
                    .forEach(d -> messages.add(d.input() != null ? d.input() : e.event().toString()));
        }
        boolean holds = published == null ? !messages.isEmpty() : messages.size() == published;
        String observed = messages.size() + " message" + (messages.size() == 1 ? "" : "s");
        if (contains != null) {
            boolean found = messages.stream().anyMatch(m -> JsonSubset.bodyContains(m, contains));
            holds &= found;
            observed += found ? ", one matching" : ", none matching";
        }
        return Verdict.of(holds, observed);
    }

    /** Registered as {@code topic}. */
    public static final class Type implements ExpectationType {
        @Override
        public String key() {
            return "topic";
        }

        @Override
        public Expectation read(YMap spec, ReadContext context) {
            spec.allow("ref", "published", "contains");
            String topic = context.stackKey("topics", spec.require("ref"));
            if (!spec.has("published") && !spec.has("contains")) {
                spec.node().problem("give published (a count), contains (a JSON subset of a message) or both");
                return null;
            }
            JsonNode contains = spec.has("contains") ? spec.get("contains").toJson() : null;
            return topic == null ? null : new TopicExpectation(topic, spec.integer("published"), contains);
        }

        @Override
        public String schema() {
            return """
                {"description": "What was published to a stack topic (SNS Publish calls and EventBridge deliveries), independent of subscriptions. Give published, contains or both.", "type": "object", "additionalProperties": false, "required": ["ref"], "anyOf": [{"required": ["published"]}, {"required": ["contains"]}], "properties": {
                  "ref": {"description": "The key of the topics entry.", "$ref": "#/$defs/stackKey"},
                  "published": {"description": "Exactly how many messages were published to it.", "type": "integer", "minimum": 0},
                  "contains": {"description": "A JSON subset some published message must contain."}
                }}
                """;
        }
    }
}
