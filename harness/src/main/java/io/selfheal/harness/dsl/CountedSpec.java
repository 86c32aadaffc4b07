package io.selfheal.harness.dsl;

import io.selfheal.harness.expect.Count;

/** An outcome that counts something: {@code count(n)} (exactly), or {@code atLeast(n)} and/or {@code atMost(n)}. */
public abstract class CountedSpec<T extends CountedSpec<T>> extends Spec<T> implements OutcomeSpec {
    private Integer count;
    private Integer atLeast;
    private Integer atMost;

    CountedSpec() {
    }

    public T count(int exactly) {
        return with(s -> ((CountedSpec<?>) s).count = exactly);
    }

    public T atLeast(int n) {
        return with(s -> ((CountedSpec<?>) s).atLeast = n);
    }

    public T atMost(int n) {
        return with(s -> ((CountedSpec<?>) s).atMost = n);
    }

    /** The count, with {@link Count#read}'s rules and words; exactly 0 after a problem. */
    Count count(Checks checks) {
        return count(checks, "count");
    }

    /** The same, the exact count written under {@code exactKey} ({@code requests} for HTTP endpoints). */
    Count count(Checks checks, String exactKey) {
        Integer exactly = nonNegative(checks, exactKey, count);
        Integer low = nonNegative(checks, "atLeast", atLeast);
        Integer high = nonNegative(checks, "atMost", atMost);
        if (count != null && (atLeast != null || atMost != null)) {
            checks.at(exactKey).problem(exactKey + " is exact: give either " + exactKey
                    + " or atLeast/atMost, not both");
            return Count.exactly(0);
        }
        if (low != null && high != null && low > high) {
            checks.at("atMost").problem("atMost " + high + " is below atLeast " + low);
            return Count.exactly(0);
        }
        if (exactly != null) {
            return Count.exactly(exactly);
        }
        if (low != null || high != null) {
            return new Count(low == null ? 0 : low, high == null ? null : (long) high);
        }
        if (count == null && atLeast == null && atMost == null) {
            checks.problem("say how many: " + exactKey + " (exactly), atLeast and/or atMost");
        }
        return Count.exactly(0);
    }

    private static Integer nonNegative(Checks checks, String key, Integer n) {
        if (n != null && n < 0) {
            checks.at(key).problem(key + " cannot be negative");
            return null;
        }
        return n;
    }
}
