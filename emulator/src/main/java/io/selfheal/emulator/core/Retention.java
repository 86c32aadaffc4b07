package io.selfheal.emulator.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * How much of each history the emulator keeps, and what it keeps now. Every history (the API call log, EventBridge's
 * event records, Lambda's invocations, CloudTrail's event history …) is a {@link BoundedHistory} bounded by entries
 * and by estimated bytes; past either bound the oldest entries go and are counted, and the control API reports each
 * history's usage ({@code GET /_selfheal/retention}). The defaults hold a day of {@code selfheal serve} at a few
 * calls a second, and a scenario run many times over, within about 100 MiB of heap in all.
 *
 * <p>Configure with {@link io.selfheal.emulator.Emulator.Builder#retain}, {@code selfheal serve --retain
 * calls=20000:16MiB}, or a system property {@code -Dselfheal.retention.calls=20000:16MiB}: entries, then optionally
 * a byte bound with a {@code KiB}/{@code MiB}/{@code GiB} suffix.
 */
public final class Retention {
    /** Every API call the front door answered ({@link ApiCallLog}). */
    public static final String CALLS = "calls";
    /** EventBridge: every event that reached a bus, with its deliveries. */
    public static final String EVENTS = "events";
    /** Lambda: every invocation, with payload, result and logs. */
    public static final String INVOCATIONS = "invocations";
    /** CloudTrail: the event history of each account and region. */
    public static final String TRAIL = "cloudtrail";
    /** IAM: every decision the front door and the platform made for a non-root principal. */
    public static final String DECISIONS = "decisions";
    /** AWS Config: the configuration items of each account and region (a resource's latest item always stays). */
    public static final String CONFIG = "config";

    private static final long MIB = 1L << 20;
    private static final Map<String, Limit> DEFAULTS = Map.of(
            CALLS, new Limit(50_000, 32 * MIB),
            EVENTS, new Limit(10_000, 24 * MIB),
            INVOCATIONS, new Limit(10_000, 16 * MIB),
            TRAIL, new Limit(10_000, 16 * MIB),
            DECISIONS, new Limit(20_000, 8 * MIB),
            CONFIG, new Limit(10_000, 16 * MIB));
    private static final String PROPERTY_PREFIX = "selfheal.retention.";

    /**
     * A bound.
     *
     * @param entries at most this many entries
     * @param bytes   at most about this many bytes of heap (estimated per entry)
     */
    public record Limit(int entries, long bytes) {
        public Limit {
            if (entries < 1 || bytes < 1) {
                throw new IllegalArgumentException("a retention limit must be positive: " + entries + ":" + bytes);
            }
        }

        /** {@code 20000}, {@code 20000:16MiB}, {@code 20000:1048576}. */
        public static Limit parse(String text, Limit defaults) {
            String[] parts = text.trim().split(":", 2);
            int entries = Integer.parseInt(parts[0].trim().replace("_", ""));
            long bytes = parts.length == 2 ? bytes(parts[1]) : defaults.bytes();
            return new Limit(entries, bytes);
        }

        private static long bytes(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT).replace("_", "");
            long unit = 1;
            for (String[] suffix : new String[][] {{"gib", "30"}, {"mib", "20"}, {"kib", "10"}, {"g", "30"},
                    {"m", "20"}, {"k", "10"}}) {
                if (t.endsWith(suffix[0])) {
                    unit = 1L << Integer.parseInt(suffix[1]);
                    t = t.substring(0, t.length() - suffix[0].length()).trim();
                    break;
                }
            }
            return Long.parseLong(t) * unit;
        }
    }

    /**
     * One history's state.
     *
     * @param dropped entries forgotten to stay within {@code limit} since the start (or the last reset)
     */
    public record Usage(String history, int entries, long bytes, long dropped, Limit limit) {
    }

    private final Map<String, Limit> limits;
    /** Weakly held: a region's store forgotten on reset takes its histories with it. */
    private final java.util.Set<BoundedHistory<?>> live =
            java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));

    private Retention(Map<String, Limit> limits) {
        this.limits = limits;
    }

    /** The defaults, overridden by {@code selfheal.retention.<history>} system properties. */
    public static Retention defaults() {
        return fromProperties(System.getProperties());
    }

    static Retention fromProperties(Properties properties) {
        Map<String, Limit> limits = new LinkedHashMap<>(DEFAULTS);
        for (String history : DEFAULTS.keySet()) {
            String value = properties.getProperty(PROPERTY_PREFIX + history);
            if (value != null) {
                limits.put(history, Limit.parse(value, DEFAULTS.get(history)));
            }
        }
        return new Retention(limits);
    }

    /** The histories that can be bounded. */
    public static List<String> histories() {
        return List.of(CALLS, EVENTS, INVOCATIONS, TRAIL, DECISIONS, CONFIG);
    }

    /** A copy with one history's limit replaced. */
    public Retention with(String history, Limit limit) {
        if (!DEFAULTS.containsKey(history)) {
            throw new IllegalArgumentException("no history named " + history + "; the histories are " + histories());
        }
        Map<String, Limit> copy = new LinkedHashMap<>(limits);
        copy.put(history, limit);
        return new Retention(copy);
    }

    /** {@code calls=20000:16MiB}: a copy with that history's limit replaced. */
    public Retention with(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("expected HISTORY=ENTRIES[:BYTES], got " + assignment);
        }
        String history = assignment.substring(0, eq).trim();
        Limit base = DEFAULTS.get(history);
        if (base == null) {
            throw new IllegalArgumentException("no history named " + history + "; the histories are " + histories());
        }
        return with(history, Limit.parse(assignment.substring(eq + 1), limits.get(history)));
    }

    public Limit limit(String history) {
        Limit limit = limits.get(history);
        if (limit == null) {
            throw new IllegalArgumentException("no history named " + history);
        }
        return limit;
    }

    /** A new history bounded by this retention's limit for {@code history}, reported in {@link #usage()}. */
    public <T> BoundedHistory<T> history(String history, java.util.function.ToLongFunction<T> sizer) {
        BoundedHistory<T> h = new BoundedHistory<>(history, limit(history), sizer);
        live.add(h);
        return h;
    }

    /** Each live history's usage (a history per account and region appears once for each). */
    public List<Usage> usage() {
        List<BoundedHistory<?>> histories;
        synchronized (live) {
            histories = new ArrayList<>(live);
        }
        List<Usage> out = new ArrayList<>();
        histories.forEach(h -> out.add(h.usage()));
        out.sort(java.util.Comparator.comparing(Usage::history));
        return out;
    }
}
