package io.selfheal.harness.dsl;

import io.selfheal.harness.expect.AlarmExpectation;
import io.selfheal.harness.expect.Expectation;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** {@code alarm: {alarm, state, after}}: {@code Outcomes.alarm("cpuHigh").state(OK).after(ALARM)}. */
public final class AlarmOutcome extends Spec<AlarmOutcome> implements OutcomeSpec {
    private final String alarm;
    private StateValue state;
    private StateValue after;

    AlarmOutcome(String alarm) {
        this.alarm = alarm;
    }

    public AlarmOutcome state(StateValue state) {
        return with(s -> s.state = state);
    }

    /** A state it must have passed through since the fault: "back to OK after having been in ALARM". */
    public AlarmOutcome after(StateValue after) {
        return with(s -> s.after = after);
    }

    @Override
    public String key() {
        return "alarm";
    }

    @Override
    public Expectation build(Checks checks) {
        String key = checks.stackKey("alarm", "alarms", alarm);
        checks.required("state", state);
        String[] states = {"OK", "ALARM", "INSUFFICIENT_DATA"};
        String value = checks.choice("state", state == null ? null : state.toString(), states);
        return new AlarmExpectation(key, value, checks.choice("after", after == null ? null : after.toString(),
                states));
    }
}
