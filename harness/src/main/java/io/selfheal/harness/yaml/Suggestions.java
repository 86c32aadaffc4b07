package io.selfheal.harness.yaml;

import java.util.Collection;
import java.util.List;

/** "Did you mean" for misspelt keys: the closest allowed key by edit distance, when close enough. */
public final class Suggestions {
    private Suggestions() {
    }

    public static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(word.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        int tolerance = Math.max(2, word.length() / 3);
        return bestDistance <= tolerance ? best : null;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** "'x' is not one of a, b, c (did you mean 'b'?)", or null when {@code value} is one of {@code choices}. */
    public static String notOneOf(String value, List<String> choices) {
        if (value == null || choices.contains(value)) {
            return null;
        }
        String suggestion = closest(value, choices);
        return "'" + value + "' is not one of " + String.join(", ", choices)
                + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : "");
    }
}
