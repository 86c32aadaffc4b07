package io.selfheal.harness.dsl;

import io.selfheal.harness.expect.EventsExpectation;
import io.selfheal.harness.expect.Expectation;

/**
 * {@code events}: events on the default bus after the fault, and how many a rule delivered:
 * {@code Outcomes.events("aws.cloudwatch", "CloudWatch Alarm State Change").count(1).deliveredBy("cpuHighReboot", 1)}.
 */
public final class EventsOutcome extends CountedSpec<EventsOutcome> {
    private final String source;
    private final String detailType;
    private String rule;
    private Integer delivered;

    EventsOutcome(String source, String detailType) {
        this.source = source;
        this.detailType = detailType;
    }

    /** How many of them the stack's rule under {@code rule} delivered, exactly. */
    public EventsOutcome deliveredBy(String rule, int delivered) {
        return with(s -> {
            s.rule = rule;
            s.delivered = delivered;
        });
    }

    @Override
    public String key() {
        return "events";
    }

    @Override
    public Expectation build(Checks checks) {
        checks.required("source", source);
        checks.required("detailType", detailType);
        var count = count(checks);
        String key = rule == null ? null : checks.stackKey("rule", "rules", rule);
        return new EventsExpectation(source, detailType, count, key, delivered);
    }
}
