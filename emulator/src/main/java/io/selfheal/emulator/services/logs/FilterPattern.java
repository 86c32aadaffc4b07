package io.selfheal.emulator.services.logs;

/**
 * A CloudWatch Logs filter pattern ("Filter pattern syntax for metric filters, subscription filters, filter log
 * events, and Live Tail" in the CloudWatch Logs User Guide), compiled once per FilterLogEvents call.
 * <ul>
 *   <li>terms: {@code ERROR}, {@code "Failed to process"}, {@code ?ERROR ?WARN}, {@code ERROR -Exiting},
 *       {@code %regex%} ({@link TermPattern});</li>
 *   <li>JSON: {@code { $.level = "ERROR" }}, {@code { $.count > 5 && $.ok IS FALSE }} ({@link JsonPattern}).</li>
 * </ul>
 * Space-delimited patterns ({@code [ip, user, ...]}) are refused: a pattern this emulator cannot evaluate must fail
 * loudly rather than match nothing.
 */
interface FilterPattern {
    FilterPattern ALL = message -> true;

    boolean matches(String message);

    /** @throws io.selfheal.emulator.core.AwsException InvalidParameterException for an invalid or unsupported pattern */
    static FilterPattern parse(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return ALL;
        }
        String text = pattern.strip();
        if (text.startsWith("{")) {
            if (!text.endsWith("}")) {
                throw invalid("If a filter pattern starts with '{' it must end with '}'");
            }
            return JsonPattern.parse(text.substring(1, text.length() - 1));
        }
        if (text.startsWith("[")) {
            throw LogsErrors.invalid("Invalid filter pattern: selfheal does not evaluate space-delimited filter "
                    + "patterns ([field, ...]) yet; use terms or a JSON pattern. Pattern: " + pattern);
        }
        return TermPattern.parse(text);
    }

    static io.selfheal.emulator.core.AwsException invalid(String reason) {
        return LogsErrors.invalid("Invalid filter pattern: " + reason);
    }
}
