package io.selfheal.emulator.core.policy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * IAM's wildcards ({@code *} any run of characters, {@code ?} one) and policy variables ({@code ${aws:username}},
 * {@code ${aws:PrincipalTag/team, 'none'}}, {@code ${*}} for a literal asterisk): "IAM policy elements: Variables and
 * tags", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html. A variable's value is
 * literal text, never a wildcard; a variable without a value and without a default makes the pattern match nothing.
 */
final class Wildcards {
    private static final int CACHE_LIMIT = 4096;
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private Wildcards() {
    }

    /** @param variables key → values lookup, or null when the document's Version does not substitute variables */
    static boolean matches(String pattern, String value, boolean ignoreCase,
                           Function<String, List<String>> variables) {
        if (pattern.equals("*")) {
            return true;
        }
        Pattern compiled = compile(pattern, ignoreCase, variables);
        return compiled != null && compiled.matcher(value).matches();
    }

    private static Pattern compile(String pattern, boolean ignoreCase, Function<String, List<String>> variables) {
        boolean hasVariables = variables != null && pattern.contains("${");
        if (hasVariables) {
            String regex = regex(pattern, variables);
            return regex == null ? null : Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        }
        String cacheKey = (ignoreCase ? "i" : "s") + pattern;
        Pattern cached = CACHE.get(cacheKey);
        if (cached == null) {
            if (CACHE.size() > CACHE_LIMIT) {
                CACHE.clear();
            }
            cached = Pattern.compile(regex(pattern, null), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
            CACHE.put(cacheKey, cached);
        }
        return cached;
    }

    private static String regex(String pattern, Function<String, List<String>> variables) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int end = variables != null && c == '$' ? variableEnd(pattern, i) : -1;
            if (end > 0) {
                String value = resolve(pattern.substring(i + 2, end), variables);
                if (value == null) {
                    return null;
                }
                out.append(Pattern.quote(value));
                i = end + 1;
                continue;
            }
            out.append(c == '*' ? ".*" : c == '?' ? "." : Character.isLetterOrDigit(c) ? String.valueOf(c)
                    : Pattern.quote(String.valueOf(c)));
            i++;
        }
        return out.toString();
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
