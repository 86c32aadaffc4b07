package io.selfheal.harness.expect;

/**
 * The result of checking an expectation once.
 *
 * @param holds    whether it holds
 * @param observed what was seen, worded for a failure message ("2 RebootInstances calls")
 * @param source   where it was read from when that can differ by cloud ("CloudTrail LookupEvents …"), or null
 */
public record Verdict(boolean holds, String observed, String source) {
    public Verdict(boolean holds, String observed) {
        this(holds, observed, null);
    }

    public static Verdict of(boolean holds, String observed) {
        return new Verdict(holds, observed);
    }

    /** This verdict, read from {@code source}. */
    public Verdict from(String source) {
        return new Verdict(holds, observed, source);
    }
}
