package io.selfheal.emulator.services.events;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.service.Params;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;

/** EventBridge's error codes and messages, in AWS's words where AWS's words are known. */
final class EventsErrors {
    static final Params.Errors PARAMS = Params.VALIDATION_EXCEPTION;
    private static final Pattern NAME = Pattern.compile("[.\\-_A-Za-z0-9]+");

    private EventsErrors() {
    }

    static AwsException validation(String message) {
        return AwsException.badRequest("ValidationException", message);
    }

    static AwsException busNotFound(String name) {
        return AwsException.badRequest("ResourceNotFoundException", "Event bus " + name + " does not exist.");
    }

    static AwsException notFound(String message) {
        return AwsException.badRequest("ResourceNotFoundException", message);
    }

    static AwsException alreadyExists(String message) {
        return AwsException.badRequest("ResourceAlreadyExistsException", message);
    }

    /** e.g. CancelReplay of a replay that is no longer running. */
    static AwsException illegalStatus(String message) {
        return AwsException.badRequest("IllegalStatusException", message);
    }

    /** AWS's bare answer to a rate or cron expression it cannot parse. */
    static AwsException invalidSchedule() {
        return validation("Parameter ScheduleExpression is not valid.");
    }

    /** A member with a model pattern, such as ArchiveName's {@code [\.\-_A-Za-z0-9]+}. */
    static String checkPattern(String member, String value, Pattern pattern, String patternText) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw PARAMS.invalid(member, value, "Member must satisfy regular expression pattern: " + patternText);
        }
        return value;
    }

    static AwsException ruleNotFound(String rule, String bus) {
        return AwsException.badRequest("ResourceNotFoundException",
                "Rule " + rule + " does not exist on EventBus " + bus + ".");
    }

    /** AWS prefixes Event Ruler's own reason, e.g. "Empty objects are not allowed". */
    static AwsException invalidPattern(String reason) {
        return AwsException.badRequest("InvalidEventPatternException", "Event pattern is not valid. Reason: " + reason);
    }

    /** AWS's model constraint on rule names and target ids: {@code [\.\-_A-Za-z0-9]+}, at most 64 characters. */
    static String checkName(String member, String value) {
        if (!NAME.matcher(value).matches()) {
            throw PARAMS.invalid(member, value, "Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
        }
        return checkMaxLength(member, value, 64);
    }

    static String checkMaxLength(String member, String value, int max) {
        if (value != null && value.length() > max) {
            throw PARAMS.invalid(member, value, "Member must have length less than or equal to " + max);
        }
        return value;
    }

    /** A required list member of 1 to {@code max} structures. */
    static List<ObjectNode> requiredList(Params params, String member, int max) {
        params.requiredNode(member);
        List<ObjectNode> items = params.objects(member);
        if (items.isEmpty()) {
            throw PARAMS.invalid(member, "[]", "Member must have length greater than or equal to 1");
        }
        if (items.size() > max) {
            throw PARAMS.invalid(member, "[…" + items.size() + " items]",
                    "Member must have length less than or equal to " + max);
        }
        return items;
    }

    static AwsException limitExceeded() {
        return AwsException.badRequest("LimitExceededException",
                "The requested resource exceeds the maximum number allowed.");
    }

    /**
     * The events backlog is full ({@link io.selfheal.emulator.core.EventsBacklog}): AWS's common error for a
     * throttled request, 400, which the SDKs retry with backoff
     * (https://docs.aws.amazon.com/eventbridge/latest/APIReference/CommonErrors.html).
     */
    static AwsException throttled() {
        return AwsException.badRequest("ThrottlingException", "Rate exceeded");
    }
}
