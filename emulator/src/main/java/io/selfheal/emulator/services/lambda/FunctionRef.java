package io.selfheal.emulator.services.lambda;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code FunctionName} parameter as Lambda accepts it: a name ({@code my-function}), a partial ARN
 * ({@code 123456789012:function:my-function}) or a full ARN, each optionally with a {@code :qualifier}.
 *
 * @param accountId the account named by the ARN, or null
 * @param region    the region named by the ARN, or null
 * @param name      the function's name
 * @param qualifier a version or alias, or null
 */
record FunctionRef(String accountId, String region, String name, String qualifier) {
    /** The model's pattern, quoted in validation errors. */
    static final String PATTERN_TEXT = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?"
            + "(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
    private static final Pattern ARN = Pattern.compile(
            "arn:aws[a-zA-Z-]*:lambda:([a-z]{2}(?:-gov)?-[a-z]+-\\d):(\\d{12}):function:([a-zA-Z0-9-_]{1,64})"
                    + "(?::(\\$LATEST|[a-zA-Z0-9-_]+))?");
    private static final Pattern PARTIAL = Pattern.compile(
            "(?:(\\d{12}):function:)?([a-zA-Z0-9-_]{1,64})(?::(\\$LATEST|[a-zA-Z0-9-_]+))?");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-_]{1,64}");

    /** Parses a {@code FunctionName}; ValidationException when it is none of the accepted forms. */
    static FunctionRef parse(String value) {
        if (value == null) {
            throw LambdaErrors.validation("functionName", "null", "Member must not be null");
        }
        Matcher m = ARN.matcher(value);
        if (m.matches()) {
            return new FunctionRef(m.group(2), m.group(1), m.group(3), m.group(4));
        }
        m = PARTIAL.matcher(value);
        if (m.matches()) {
            return new FunctionRef(m.group(1), null, m.group(2), m.group(3));
        }
        if (value.length() > 140) {
            throw LambdaErrors.validation("functionName", value,
                    "Member must have length less than or equal to 140");
        }
        throw LambdaErrors.validation("functionName", value,
                "Member must satisfy regular expression pattern: " + PATTERN_TEXT);
    }

    /** A name for a new function: CreateFunction also accepts ARNs, but they must name this account and region. */
    static boolean isPlainName(String value) {
        return NAME.matcher(value).matches();
    }

    static String arn(String region, String accountId, String name) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
    }
}
