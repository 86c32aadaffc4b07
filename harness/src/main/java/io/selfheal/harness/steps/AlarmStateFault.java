package io.selfheal.harness.steps;

import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.YMap;

/**
 * Forces an alarm's state with CloudWatch SetAlarmState, as operators do to test alarm actions:
 * {@code alarmState: {alarm: cpuHigh, state: ALARM, reason: "…"}}. CloudWatch then emits the state-change event.
 */
public record AlarmStateFault(String alarm, String state, String reason) implements Fault {

    @Override
    public String describe() {
        return "alarm " + alarm + " → " + state;
    }

    @Override
    public void inject(FaultContext run) {
        run.clients().cloudWatch().setAlarmState(r -> r.alarmName(run.state().alarmName(alarm))
                .stateValue(state).stateReason(reason));
    }

    /** Registered as {@code alarmState}. */
    public static final class Type implements FaultType {
        @Override
        public String key() {
            return "alarmState";
        }

        @Override
        public Fault read(YMap spec, ReadContext context) {
            spec.allow("alarm", "state", "reason");
            String alarm = context.stackKey("alarms", spec.require("alarm"));
            String state = spec.choice("state", "ALARM", "OK", "INSUFFICIENT_DATA");
            if (!spec.has("state")) {
                spec.require("state");
            }
            String reason = spec.string("reason");
            return new AlarmStateFault(alarm, state,
                    reason != null ? reason : "selfheal fault injection: state set to " + state);
        }

        @Override
        public String schema() {
            return """
                {"description": "Forces an alarm's state with CloudWatch SetAlarmState; CloudWatch then emits the state-change event.", "type": "object", "additionalProperties": false, "required": ["alarm", "state"], "properties": {
                  "alarm": {"description": "The key of the alarms entry.", "$ref": "#/$defs/stackKey"},
                  "state": {"description": "The state to set.", "$ref": "#/$defs/alarmState"},
                  "reason": {"description": "The state reason (default 'selfheal fault injection: state set to <state>').", "type": "string"}
                }}
                """;
        }
    }
}
