package io.selfheal.harness.dsl;

import io.selfheal.harness.steps.AlarmStateFault;
import io.selfheal.harness.steps.Fault;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** {@code alarmState: {alarm, state, reason}}, made by {@link Faults#alarmState}. */
public final class AlarmStateSpec extends Spec<AlarmStateSpec> implements FaultSpec {
    private final String alarm;
    private final StateValue state;
    private String reason;

    AlarmStateSpec(String alarm, StateValue state, String reason) {
        this.alarm = alarm;
        this.state = state;
        this.reason = reason;
    }

    /** The state reason; default "selfheal fault injection: state set to <state>". */
    public AlarmStateSpec reason(String reason) {
        return with(s -> s.reason = reason);
    }

    @Override
    public String key() {
        return "alarmState";
    }

    @Override
    public Fault build(Checks checks) {
        String key = checks.stackKey("alarm", "alarms", alarm);
        String value = checks.required("state", state) == null ? null : state.toString();
        checks.choice("state", value, "ALARM", "OK", "INSUFFICIENT_DATA");
        return new AlarmStateFault(key, value,
                reason != null ? reason : "selfheal fault injection: state set to " + value);
    }
}
