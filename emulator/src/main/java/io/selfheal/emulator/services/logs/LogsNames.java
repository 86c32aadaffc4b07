package io.selfheal.emulator.services.logs;

import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.regex.Pattern;

/** The model's constraints on names and identifiers, and how a request names its log group. */
final class LogsNames {
    static final String GROUP_PATTERN = "[\\.\\-_/#A-Za-z0-9]+";
    static final String STREAM_PATTERN = "[^:*]*";
    private static final Pattern GROUP = Pattern.compile(GROUP_PATTERN);
    private static final Pattern STREAM = Pattern.compile(STREAM_PATTERN);
    private static final int MAX_NAME = 512;

    private LogsNames() {
    }

    static String groupName(Params params, String member) {
        return checkGroupName(member, params.required(member));
    }

    static String checkGroupName(String member, String name) {
        checkLength(member, name, MAX_NAME);
        if (!GROUP.matcher(name).matches()) {
            throw LogsErrors.PARAMS.invalid(member, name,
                    "Member must satisfy regular expression pattern: " + GROUP_PATTERN);
        }
        return name;
    }

    static String streamName(Params params, String member) {
        String name = params.required(member);
        checkLength(member, name, MAX_NAME);
        if (!STREAM.matcher(name).matches()) {
            throw LogsErrors.PARAMS.invalid(member, name,
                    "Member must satisfy regular expression pattern: " + STREAM_PATTERN);
        }
        return name;
    }

    static void checkLength(String member, String value, int max) {
        if (value != null && value.length() > max) {
            throw LogsErrors.PARAMS.invalid(member, value, "Member must have length less than or equal to " + max);
        }
    }

    /**
     * The group named by {@code logGroupName} or by {@code logGroupIdentifier} (a name or an ARN, with or without
     * the trailing {@code :*}): the operations that take both want exactly one.
     */
    static String groupOf(Params params) {
        boolean byName = params.has("logGroupName");
        boolean byIdentifier = params.has("logGroupIdentifier");
        if (byName && byIdentifier) {
            throw LogsErrors.invalid("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        }
        if (byIdentifier) {
            return nameFromIdentifier(params.required("logGroupIdentifier"));
        }
        if (!byName) {
            throw LogsErrors.invalid("Should provide either name or ARN of the log group.");
        }
        return groupName(params, "logGroupName");
    }

    static String nameFromIdentifier(String identifier) {
        if (!identifier.startsWith("arn:")) {
            return identifier;
        }
        int at = identifier.indexOf(":log-group:");
        if (at < 0) {
            throw LogsErrors.invalid("Invalid log group ARN: " + identifier);
        }
        String name = identifier.substring(at + ":log-group:".length());
        return name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
    }

    /** {@code arn:aws:logs:<region>:<account>:log-group:<name>}. */
    static String groupArn(RequestContext ctx, String name) {
        return groupArn(ctx.region(), ctx.accountId(), name);
    }

    static String groupArn(String region, String accountId, String name) {
        return "arn:aws:logs:" + region + ":" + accountId + ":log-group:" + name;
    }
}
