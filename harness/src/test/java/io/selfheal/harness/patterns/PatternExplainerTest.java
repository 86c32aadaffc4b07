package io.selfheal.harness.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Operators and their semantics are Event Ruler's, as documented in "Amazon EventBridge event patterns"
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html) and "Content filtering"
 * (…/eb-event-patterns-content-based-filtering.html); these tests check the explanation around them.
 */
class PatternExplainerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = PatternExplainerTest.class.getResourceAsStream(name)) {
            return JSON.readTree(in);
        }
    }

    private static String text(String name) throws IOException {
        return resource(name).toString();
    }

    @Test
    void theFixturePatternMatchesTheEc2AlarmEvent() throws IOException {
        Explanation e = PatternExplainer.explain(text("/patterns/ec2-cpu-high-alarm.json"),
                resource("/events/cloudwatch-alarm-state-change-ec2-cpu.json"));
        assertThat(e.matches()).isTrue();
        assertThat(e.failures()).isEmpty();
        assertThat(e.checks()).extracting(c -> ((Check.Field) c).path()).containsExactly("source", "detail-type",
                "detail.alarmName", "detail.state.value", "detail.configuration.metrics.metricStat.metric.namespace",
                "detail.configuration.metrics.metricStat.metric.name");
        assertThat(e.render()).isEqualTo("matches");
    }

    @Test
    void theRdsEventFailsOnTheNameAndTheNamespaceWithTheEventsValues() throws IOException {
        Explanation e = PatternExplainer.explain(text("/patterns/ec2-cpu-high-alarm.json"),
                resource("/events/cloudwatch-alarm-state-change-rds-cpu.json"));
        assertThat(e.matches()).isFalse();
        assertThat(e.failures()).hasSize(2).last().satisfies(c -> {
            Check.Field f = (Check.Field) c;
            assertThat(f.path()).isEqualTo("detail.configuration.metrics.metricStat.metric.namespace");
            assertThat(f.allowed().toString()).isEqualTo("[\"AWS/EC2\"]");
            assertThat(f.found()).extracting(JsonNode::asText).containsExactly("AWS/RDS");
        });
        assertThat(e.render()).isEqualTo("does not match\n"
                + "  detail.alarmName: allowed [{\"prefix\":\"EC2-CPU-High-\"}], event has \"RDS-CPU-High-orders-db\"\n"
                + "  detail.configuration.metrics.metricStat.metric.namespace: allowed [\"AWS/EC2\"], event has \"AWS/RDS\"");
    }

    @Test
    void eachFailingFieldIsListedWithOperatorsAndAbsentFieldsSaySo() throws IOException {
        JsonNode event = JSON.readTree("{\"source\": \"aws.cloudwatch\", \"detail\": {\"alarmName\": \"RDS-CPU\","
                + " \"cpu\": 42}}");
        Explanation e = PatternExplainer.explain("{\"source\": [\"aws.cloudwatch\"], \"detail\": {"
                + "\"alarmName\": [{\"prefix\": \"EC2-\"}], \"cpu\": [{\"numeric\": [\">\", 90]}],"
                + " \"state\": {\"value\": [\"ALARM\"]}}}", event);
        assertThat(e.matches()).isFalse();
        assertThat(e.render()).isEqualTo("does not match\n"
                + "  detail.alarmName: allowed [{\"prefix\":\"EC2-\"}], event has \"RDS-CPU\"\n"
                + "  detail.cpu: allowed [{\"numeric\":[\">\",90]}], event has 42\n"
                + "  detail.state.value: allowed [\"ALARM\"], event has no such field");
    }

    @Test
    void existsFalseIsJudgedByEventRulerToo() throws IOException {
        String pattern = "{\"detail\": {\"errorCode\": [{\"exists\": false}]}}";
        assertThat(PatternExplainer.explain(pattern, JSON.readTree("{\"detail\": {\"x\": 1}}")).matches()).isTrue();
        Explanation e = PatternExplainer.explain(pattern, JSON.readTree("{\"detail\": {\"errorCode\": \"Denied\"}}"));
        assertThat(e.matches()).isFalse();
        assertThat(e.render()).contains("detail.errorCode: allowed [{\"exists\":false}], event has \"Denied\"");
    }

    @Test
    void anOrListsEachAlternativesFailures() throws IOException {
        String pattern = "{\"source\": [\"aws.ec2\"], \"detail\": {\"$or\": ["
                + "{\"state\": [\"stopped\"]}, {\"instance-id\": [{\"prefix\": \"i-0\"}]}]}}";
        Explanation e = PatternExplainer.explain(pattern,
                JSON.readTree("{\"source\": \"aws.ec2\", \"detail\": {\"state\": \"running\", \"instance-id\": \"i-abcd\"}}"));
        assertThat(e.matches()).isFalse();
        assertThat(e.render()).isEqualTo("does not match\n"
                + "  detail: none of the 2 $or alternatives matches\n"
                + "    alternative 1:\n"
                + "      detail.state: allowed [\"stopped\"], event has \"running\"\n"
                + "    alternative 2:\n"
                + "      detail.instance-id: allowed [{\"prefix\":\"i-0\"}], event has \"i-abcd\"");
        assertThat(PatternExplainer.explain(pattern, JSON.readTree(
                "{\"source\": \"aws.ec2\", \"detail\": {\"state\": \"stopped\", \"instance-id\": \"i-abcd\"}}"))
                .matches()).isTrue();
    }

    @Test
    void fieldsThatMatchInDifferentArrayElementsGetANote() throws IOException {
        String pattern = "{\"detail\": {\"items\": {\"port\": [22], \"cidr\": [\"0.0.0.0/0\"]}}}";
        JsonNode split = JSON.readTree("{\"detail\": {\"items\": [{\"port\": 22, \"cidr\": \"10.0.0.0/8\"},"
                + " {\"port\": 443, \"cidr\": \"0.0.0.0/0\"}]}}");
        Explanation e = PatternExplainer.explain(pattern, split);
        assertThat(e.matches()).isFalse();
        assertThat(e.failures()).isEmpty();
        assertThat(e.note()).contains("same element");
        assertThat(e.render()).contains("does not match").contains("same element");
    }

    @Test
    void invalidPatternsGetEventBridgesMessage() {
        assertThatThrownBy(() -> PatternExplainer.explain("{\"source\": \"aws.ec2\"}", JSON.createObjectNode()))
                .isInstanceOf(PatternExplainer.InvalidPatternException.class)
                .hasMessageStartingWith("Event pattern is not valid. Reason: ");
        assertThatThrownBy(() -> PatternExplainer.explain("[1]", JSON.createObjectNode()))
                .hasMessage("Event pattern is not valid. Reason: Filter is not an object");
        assertThatThrownBy(() -> PatternExplainer.explain("{\"a\": [{\"prefix\": 1}]}", JSON.createObjectNode()))
                .hasMessageStartingWith("Event pattern is not valid. Reason: ");
        assertThatThrownBy(() -> PatternExplainer.explain("{nope", JSON.createObjectNode()))
                .hasMessageStartingWith("Event pattern is not valid. Reason: ");
    }

    /**
     * Every documented case of the fixtures' corpus: the verdict is the corpus's, and a "no" always comes with a
     * reason (a failing field or the array note).
     */
    @Test
    void agreesWithEveryCaseOfThePatternCorpus() throws IOException {
        List<String> wrong = new ArrayList<>();
        int cases = 0;
        for (JsonNode c : resource("/corpus/patterns.json").get("cases")) {
            cases++;
            Explanation e = PatternExplainer.explain(c.get("pattern").toString(), c.get("event"));
            if (e.matches() != c.get("matches").asBoolean()) {
                wrong.add(c.get("name").asText() + ": verdict " + e.matches());
            } else if (!e.matches() && e.failures().isEmpty() && e.note() == null) {
                wrong.add(c.get("name").asText() + ": no reason given");
            }
        }
        assertThat(cases).isGreaterThan(40);
        assertThat(wrong).isEmpty();
    }
}
