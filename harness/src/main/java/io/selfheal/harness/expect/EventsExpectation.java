package io.selfheal.harness.expect;

import io.selfheal.emulator.control.EventRecord;
import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.YMap;
import java.util.List;

/**
 * Events that reached the default bus after the fault, and optionally how many of them a rule delivered:
 * {@code events: {source: aws.cloudwatch, detailType: CloudWatch Alarm State Change, count: 1, rule: r, delivered: 0}}
 * ({@code atLeast}/{@code atMost} instead of {@code count}, see {@link Count}; {@code delivered} is exact).
 * It makes negative scenarios prove something: the event did arrive, and the rule let it pass.
 */
public record EventsExpectation(String source, String detailType, Count count, String rule, Integer delivered)
        implements Expectation {

    @Override
    public String describe() {
        return count.describe() + " " + source + " \"" + detailType + "\" event" + (count.isOne() ? "" : "s")
                + " on the bus"
                + (rule != null ? ", " + delivered + " delivered by rule " + rule : "");
    }

    @Override
    public java.util.Set<io.selfheal.harness.backend.Capability> needs() {
        // Which rule delivered an event only the bus's own record says; the events themselves any observation sees.
        return rule == null ? java.util.Set.of() : java.util.Set.of(io.selfheal.harness.backend.Capability.EVENT_LOG);
    }

    @Override
    public Verdict check(ProbeContext run) {
        List<EventRecord> events = run.eventsSinceFault().stream()
                .filter(e -> source.equals(e.event().path("source").asText())
                        && detailType.equals(e.event().path("detail-type").asText()))
                .toList();
        String observed = events.size() + " such event" + (events.size() == 1 ? "" : "s");
        boolean holds = count.matches(events.size());
        if (rule != null) {
            String ruleArn = run.state().ruleArn(rule);
            long deliveries = events.stream().flatMap(e -> e.deliveries().stream())
                    .filter(d -> d.ruleArn().equals(ruleArn) && d.delivered()).count();
            observed += ", " + deliveries + " delivered by " + rule;
            holds &= deliveries == delivered;
        }
        return Verdict.of(holds, observed).from(run.cloud().observation().source());
    }

    /** Registered as {@code events}. */
    public static final class Type implements ExpectationType {
        @Override
        public String key() {
            return "events";
        }

        @Override
        public Expectation read(YMap spec, ReadContext context) {
            spec.allow("source", "detailType", "count", "atLeast", "atMost", "rule", "delivered");
            String source = spec.requiredString("source");
            String detailType = spec.requiredString("detailType");
            Count count = Count.read(spec, true);
            String rule = spec.has("rule") ? context.stackKey("rules", spec.get("rule")) : null;
            Integer delivered = spec.integer("delivered");
            if (spec.has("rule") != spec.has("delivered")) {
                spec.node().problem("rule and delivered go together: how many events the rule delivered");
            }
            return new EventsExpectation(source, detailType, count, rule, delivered);
        }

        @Override
        public String schema() {
            return """
                {"description": "Events that reached the default bus after the fault, and optionally how many of them a rule delivered.", "type": "object", "additionalProperties": false, "required": ["source", "detailType"], "allOf": [{"$ref": "#/$defs/countKeys"}], "dependentRequired": {"rule": ["delivered"], "delivered": ["rule"]}, "properties": {
                  "source": {"description": "The event's source, e.g. aws.cloudwatch.", "type": "string"},
                  "detailType": {"description": "The event's detail-type, e.g. CloudWatch Alarm State Change.", "type": "string"},
                  "count": {"$ref": "#/$defs/count"},
                  "atLeast": {"$ref": "#/$defs/atLeast"},
                  "atMost": {"$ref": "#/$defs/atMost"},
                  "rule": {"description": "The key of a rules entry; goes with delivered.", "$ref": "#/$defs/stackKey"},
                  "delivered": {"description": "Exactly how many of the events the rule delivered to its targets; goes with rule.", "type": "integer", "minimum": 0}
                }}
                """;
        }
    }
}
