package io.selfheal.harness.dsl;

import io.selfheal.harness.expect.Count;
import io.selfheal.harness.expect.DestinationExpectation;
import io.selfheal.harness.expect.Expectation;
import io.selfheal.harness.stack.FunctionKind;

/**
 * {@code destination}: {@code Outcomes.destination("reboot", "RetriesExhausted").count(1)} — the function's invocation
 * records with that condition in its on-failure destination (on-success for {@code Success}); default at least one.
 */
public final class DestinationOutcome extends CountedSpec<DestinationOutcome> {
    private final String function;
    private final String condition;
    private boolean counted;

    DestinationOutcome(String function, String condition) {
        this.function = function;
        this.condition = condition;
    }

    @Override
    public DestinationOutcome count(int exactly) {
        return super.count(exactly).with(s -> s.counted = true);
    }

    @Override
    public DestinationOutcome atLeast(int n) {
        return super.atLeast(n).with(s -> s.counted = true);
    }

    @Override
    public DestinationOutcome atMost(int n) {
        return super.atMost(n).with(s -> s.counted = true);
    }

    @Override
    public String key() {
        return "destination";
    }

    @Override
    public Expectation build(Checks checks) {
        String key = checks.stackKey("function", FunctionKind.KEY, function);
        String chosen = checks.choice("condition", checks.required("condition", condition), "Success",
                "RetriesExhausted", "EventAgeExceeded");
        String missing = key == null || chosen == null ? null
                : DestinationExpectation.missingDestination(checks.stack(), key, chosen);
        if (missing != null) {
            checks.at("condition").problem(missing);
        }
        Count count = counted ? count(checks) : new Count(1, null);
        return new DestinationExpectation(key, chosen == null ? "RetriesExhausted" : chosen, count);
    }
}
