package io.selfheal.emulator.services.events;

import java.util.regex.Pattern;

/**
 * Which target ARNs selfheal delivers to. Only Lambda functions for now; any other kind is refused at PutTargets
 * with a message that says so, never accepted and dropped.
 */
final class TargetKinds {
    private static final Pattern LAMBDA_FUNCTION = Pattern.compile(
            "arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]{1,128})?");
    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\\d{0,12}:.+");

    private TargetKinds() {
    }

    static boolean isLambdaFunction(String arn) {
        return LAMBDA_FUNCTION.matcher(arn).matches();
    }

    static boolean isArn(String arn) {
        return ARN.matcher(arn).matches();
    }

    /** e.g. "sqs" for an SQS queue ARN. */
    static String service(String arn) {
        String[] parts = arn.split(":", 4);
        return parts.length > 2 ? parts[2] : arn;
    }

    static String unsupportedMessage(String arn) {
        return "selfheal does not deliver to " + service(arn) + " targets yet: only Lambda functions "
                + "(arn:aws:lambda:<region>:<account>:function:<name>) can be targets. Target " + arn
                + " was not added.";
    }
}
