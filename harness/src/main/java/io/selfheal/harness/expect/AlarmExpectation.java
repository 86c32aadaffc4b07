package io.selfheal.harness.expect;

import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.YMap;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * An alarm's state as DescribeAlarms reports it, and optionally a state it must have passed through since the
 * fault (from its "CloudWatch Alarm State Change" events): {@code alarm: {alarm: cpuHigh, state: OK, after: ALARM}}
 * reads "back to OK after having been in ALARM" — detection and recovery in one line.
 */
public record AlarmExpectation(String alarm, String state, String after) implements Expectation {

    @Override
    public String describe() {
        return "alarm " + alarm + " is " + state + (after != null ? " after having been " + after : "");
    }

    @Override
    public Verdict check(ProbeContext run) {
        String name = run.state().alarmName(alarm);
        List<MetricAlarm> alarms = run.clients().cloudWatch().describeAlarms(r -> r.alarmNames(name)).metricAlarms();
        String actual = alarms.isEmpty() ? "missing" : alarms.get(0).stateValueAsString();
        boolean holds = state.equals(actual);
        String observed = name + " is " + actual;
        if (after != null && run.faultStarted()) {
            List<String> states = run.eventsSinceFault().stream()
                    .filter(e -> "aws.cloudwatch".equals(e.event().path("source").asText())
                            && name.equals(e.event().path("detail").path("alarmName").asText()))
                    .map(e -> e.event().path("detail").path("state").path("value").asText())
                    .toList();
            holds &= states.contains(after);
            observed += ", states since the fault: " + (states.isEmpty() ? "none" : String.join(" → ", states));
        }
        return Verdict.of(holds, observed);
    }

    /** Registered as {@code alarm}. */
    public static final class Type implements ExpectationType {
        private static final String[] STATES = {"OK", "ALARM", "INSUFFICIENT_DATA"};

        @Override
        public String key() {
            return "alarm";
        }

        @Override
        public Expectation read(YMap spec, ReadContext context) {
            spec.allow("alarm", "state", "after");
            String alarm = context.stackKey("alarms", spec.require("alarm"));
            String state = spec.choice("state", STATES);
            if (!spec.has("state")) {
                spec.require("state");
            }
            return new AlarmExpectation(alarm, state, spec.choice("after", STATES));
        }

        @Override
        public String schema() {
            return """
                {"description": "An alarm's state as DescribeAlarms reports it, and optionally a state it passed through since the fault.", "type": "object", "additionalProperties": false, "required": ["alarm", "state"], "properties": {
                  "alarm": {"description": "The key of the alarms entry.", "$ref": "#/$defs/stackKey"},
                  "state": {"description": "The state it must be in.", "$ref": "#/$defs/alarmState"},
                  "after": {"description": "A state it must have been in since the fault (from its state-change events).", "$ref": "#/$defs/alarmState"}
                }}
                """;
        }
    }
}
