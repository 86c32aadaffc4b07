package io.selfheal.harness.dsl;

import io.selfheal.harness.expect.DeadLetterExpectation;
import io.selfheal.harness.expect.Expectation;
import io.selfheal.harness.stack.FunctionKind;

/**
 * {@code deadLetter}: {@code Outcomes.deadLetter("reboot").count(1).errorCode(200)} — Lambda's dead letters in the
 * function's dead-letter queue, optionally with one {@code ErrorCode} and an {@code ErrorMessage} containing a text.
 */
public final class DeadLetterOutcome extends CountedSpec<DeadLetterOutcome> {
    private final String function;
    private Integer errorCode;
    private String errorMessage;

    DeadLetterOutcome(String function) {
        this.function = function;
    }

    /** Only dead letters with this {@code ErrorCode} (the failed invocation's HTTP status: 200 for a function error). */
    public DeadLetterOutcome errorCode(int code) {
        return with(s -> s.errorCode = code);
    }

    /** Only dead letters whose {@code ErrorMessage} contains this text. */
    public DeadLetterOutcome errorMessage(String text) {
        return with(s -> s.errorMessage = text);
    }

    @Override
    public String key() {
        return "deadLetter";
    }

    @Override
    public Expectation build(Checks checks) {
        String key = checks.stackKey("function", FunctionKind.KEY, function);
        String missing = key == null ? null : DeadLetterExpectation.missingDeadLetter(checks.stack(), key);
        if (missing != null) {
            checks.at("function").problem(missing);
        }
        return new DeadLetterExpectation(key, count(checks), errorCode, errorMessage);
    }
}
