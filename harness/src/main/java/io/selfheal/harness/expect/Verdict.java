package io.selfheal.harness.expect;

/**
 * The result of checking an expectation once.
 *
 * @param holds    whether it holds
 * @param observed what was seen, worded for a failure message ("2 RebootInstances calls")
 */
public record Verdict(boolean holds, String observed) {
    public static Verdict of(boolean holds, String observed) {
        return new Verdict(holds, observed);
    }
}
