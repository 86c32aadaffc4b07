package io.selfheal.emulator.core.policy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * IAM's wildcards ({@code *} any run of characters, {@code ?} one) and policy variables ({@code ${aws:username}},
 * {@code ${aws:PrincipalTag/team, 'none'}}, {@code ${*}} for a literal asterisk): "IAM policy elements: Variables and
 * tags", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html. A variable's value is
 * literal text, never a wildcard; a variable without a value and without a default makes the pattern match nothing.
 * Matching walks pattern and value once with backtracking to the last {@code *} (no regular expressions), so a
 * policy full of wildcards costs at most pattern × value steps whatever a client wrote.
 */
final class Wildcards {
    private static final int CACHE_LIMIT = 4096;
    private static final Map<String, Glob> CACHE = new ConcurrentHashMap<>();

    /** A pattern's characters, each marked wildcard or literal. */
    private record Glob(char[] chars, boolean[] wild) {
    }

    private Wildcards() {
    }

    /** @param variables key → values lookup, or null when the document's Version does not substitute variables */
    static boolean matches(String pattern, String value, boolean ignoreCase,
                           Function<String, List<String>> variables) {
        if (pattern.equals("*")) {
            return true;
        }
        Glob glob;
        if (variables != null && pattern.contains("${")) {
            glob = compile(pattern, variables);
        } else {
            glob = CACHE.get(pattern);
            if (glob == null) {
                if (CACHE.size() > CACHE_LIMIT) {
                    CACHE.clear();
                }
                glob = compile(pattern, null);
                CACHE.put(pattern, glob);
            }
        }
        return glob != null && match(glob, value, ignoreCase);
    }

    private static boolean match(Glob g, String value, boolean ignoreCase) {
        int m = g.chars().length;
        int n = value.length();
        int p = 0;
        int v = 0;
        int star = -1;
        int starValue = 0;
        while (v < n) {
            if (p < m && g.wild()[p] && g.chars()[p] == '*') {
                star = p++;
                starValue = v;
            } else if (p < m && ((g.wild()[p] && g.chars()[p] == '?') || same(g.chars()[p], value.charAt(v),
                    ignoreCase))) {
                p++;
                v++;
            } else if (star >= 0) {
                p = star + 1;
                v = ++starValue;
            } else {
                return false;
            }
        }
        while (p < m && g.wild()[p] && g.chars()[p] == '*') {
            p++;
        }
        return p == m;
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || (ignoreCase && (Character.toLowerCase(a) == Character.toLowerCase(b)
                || Character.toUpperCase(a) == Character.toUpperCase(b)));
    }

    /** The pattern with its variables resolved into literal characters, or null when one has no value. */
    private static Glob compile(String pattern, Function<String, List<String>> variables) {
        StringBuilder chars = new StringBuilder(pattern.length());
        StringBuilder wild = new StringBuilder(pattern.length());
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int end = variables != null && c == '$' ? variableEnd(pattern, i) : -1;
            if (end > 0) {
                String value = resolve(pattern.substring(i + 2, end), variables);
                if (value == null) {
                    return null;
                }
                chars.append(value);
                wild.append("0".repeat(value.length()));
                i = end + 1;
                continue;
            }
            chars.append(c);
            wild.append(c == '*' || c == '?' ? '1' : '0');
            i++;
        }
        boolean[] flags = new boolean[wild.length()];
        for (int k = 0; k < flags.length; k++) {
            flags[k] = wild.charAt(k) == '1';
        }
        return new Glob(chars.toString().toCharArray(), flags);
    }

    /** The text with its variables replaced (for exact comparisons), or null when one has no value. */
    static String substitute(String text, Function<String, List<String>> variables) {
        if (variables == null || !text.contains("${")) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int end = text.charAt(i) == '$' ? variableEnd(text, i) : -1;
            if (end > 0) {
                String value = resolve(text.substring(i + 2, end), variables);
                if (value == null) {
                    return null;
                }
                out.append(value);
                i = end + 1;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private static int variableEnd(String text, int dollar) {
        if (dollar + 1 >= text.length() || text.charAt(dollar + 1) != '{') {
            return -1;
        }
        return text.indexOf('}', dollar + 2);
    }

    /** {@code key} or {@code key, 'default'}; the special {@code *}, {@code ?} and {@code $} stand for themselves. */
    private static String resolve(String body, Function<String, List<String>> variables) {
        String key = body.trim();
        String fallback = null;
        int comma = body.indexOf(',');
        if (comma >= 0) {
            key = body.substring(0, comma).trim();
            String d = body.substring(comma + 1).trim();
            if (d.length() >= 2 && d.startsWith("'") && d.endsWith("'")) {
                fallback = d.substring(1, d.length() - 1);
            }
        }
        if (key.equals("*") || key.equals("?") || key.equals("$")) {
            return key;
        }
        List<String> values = variables.apply(key);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }
}
