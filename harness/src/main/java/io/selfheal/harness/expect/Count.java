package io.selfheal.harness.expect;

import io.selfheal.harness.yaml.YMap;

/**
 * How many of something an expectation wants, the same way in every expectation: {@code count: N} (exactly),
 * or {@code atLeast: N} and/or {@code atMost: N}. {@code count} excludes the other two.
 *
 * @param atLeast the lower bound, inclusive (0 for none)
 * @param atMost  the upper bound, inclusive; null for none
 */
public record Count(long atLeast, Long atMost) {
    /** The keys a mapping gives a count with. */
    public static final String[] KEYS = {"count", "atLeast", "atMost"};

    public static Count exactly(long n) {
        return new Count(n, n);
    }

    public boolean matches(long n) {
        return n >= atLeast && (atMost == null || n <= atMost);
    }

    public String describe() {
        if (atMost == null) {
            return "at least " + atLeast;
        }
        if (atLeast == atMost) {
            return "exactly " + atLeast;
        }
        return atLeast == 0 ? "at most " + atMost : "between " + atLeast + " and " + atMost;
    }

    /** Whether its description ends in one ("exactly 1", "at least 1", "at most 1"): "1 time", not "1 times". */
    public boolean isOne() {
        return atMost == null ? atLeast == 1 : atMost == 1;
    }

    /**
     * Reads {@code count}/{@code atLeast}/{@code atMost} from {@code spec}, reporting contradictions.
     *
     * @return the count; exactly 0 after a problem, or when none is given and {@code required} is false
     */
    public static Count read(YMap spec, boolean required) {
        return read(spec, required, "count");
    }

    /** As {@link #read(YMap, boolean)}, the exact count under {@code exactKey} ({@code requests: 1}). */
    public static Count read(YMap spec, boolean required, String exactKey) {
        Integer count = nonNegative(spec, exactKey);
        Integer atLeast = nonNegative(spec, "atLeast");
        Integer atMost = nonNegative(spec, "atMost");
        if (spec.has(exactKey) && (spec.has("atLeast") || spec.has("atMost"))) {
            spec.get(exactKey).problem(exactKey + " is exact: give either " + exactKey
                    + " or atLeast/atMost, not both");
            return exactly(0);
        }
        if (atLeast != null && atMost != null && atLeast > atMost) {
            spec.get("atMost").problem("atMost " + atMost + " is below atLeast " + atLeast);
            return exactly(0);
        }
        if (count != null) {
            return exactly(count);
        }
        if (atLeast != null || atMost != null) {
            return new Count(atLeast == null ? 0 : atLeast, atMost == null ? null : (long) atMost);
        }
        if (required && !spec.has(exactKey) && !spec.has("atLeast") && !spec.has("atMost")) {
            spec.node().problem("say how many: " + exactKey + " (exactly), atLeast and/or atMost");
        }
        return exactly(0);
    }

    private static Integer nonNegative(YMap spec, String key) {
        Integer n = spec.integer(key);
        if (n != null && n < 0) {
            spec.get(key).problem(key + " cannot be negative");
            return null;
        }
        return n;
    }
}
