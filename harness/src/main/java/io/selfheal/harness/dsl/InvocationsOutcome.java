package io.selfheal.harness.dsl;

import io.selfheal.harness.expect.Expectation;
import io.selfheal.harness.expect.InvocationsExpectation;

/** {@code invocations}: {@code Outcomes.invocations("reboot").count(1).errors(0)} (errors default 0). */
public final class InvocationsOutcome extends CountedSpec<InvocationsOutcome> {
    private final String function;
    private int errors;

    InvocationsOutcome(String function) {
        this.function = function;
    }

    /** How many of the runs failed, exactly. */
    public InvocationsOutcome errors(int errors) {
        return with(s -> s.errors = errors);
    }

    @Override
    public String key() {
        return "invocations";
    }

    @Override
    public Expectation build(Checks checks) {
        String key = checks.stackKey("function", "functions", function);
        return new InvocationsExpectation(key, count(checks), errors);
    }
}
