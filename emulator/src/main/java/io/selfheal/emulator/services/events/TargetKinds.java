package io.selfheal.emulator.services.events;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which target ARNs selfheal delivers to ("Amazon EventBridge targets"): Lambda functions, SQS queues, SNS topics,
 * CloudWatch Logs log groups, event buses and API destinations. Any other kind is refused at PutTargets with a message
 * that says so, never accepted and dropped.
 */
final class TargetKinds {
    /** A kind of target, recognised by the shape of its ARN. */
    enum Kind {
        LAMBDA("arn:aws[a-z-]*:lambda:([a-z0-9-]+):(\\d{12}):function:([A-Za-z0-9_-]{1,64})(:[A-Za-z0-9$_-]{1,128})?"),
        SQS("arn:aws[a-z-]*:sqs:([a-z0-9-]+):(\\d{12}):([A-Za-z0-9_-]{1,75}(\\.fifo)?|[A-Za-z0-9_-]{1,80})"),
        SNS("arn:aws[a-z-]*:sns:([a-z0-9-]+):(\\d{12}):([A-Za-z0-9_-]{1,256}(\\.fifo)?)"),
        /** CloudFormation's LogGroup Arn ends in {@code :*}; EventBridge takes the group either way. */
        LOGS("arn:aws[a-z-]*:logs:([a-z0-9-]+):(\\d{12}):log-group:([.\\-_/#A-Za-z0-9]{1,512}?)(:\\*)?"),
        EVENT_BUS("arn:aws[a-z-]*:events:([a-z0-9-]+):(\\d{12}):event-bus/([/.\\-_A-Za-z0-9]{1,256})"),
        API_DESTINATION("arn:aws[a-z-]*:events:([a-z0-9-]+):(\\d{12}):api-destination/([.\\-_A-Za-z0-9]{1,64})"
                + "/([\\-A-Za-z0-9]+)");

        private final Pattern pattern;

        Kind(String regex) {
            this.pattern = Pattern.compile(regex);
        }
    }

    /** A parsed target ARN: its kind, and the region, account and resource name it names. */
    record Parsed(Kind kind, String region, String account, String name) {
    }

    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\\d{0,12}:.+");

    private TargetKinds() {
    }

    /** @return the kind and parts of {@code arn}, or null when selfheal does not deliver to it */
    static Parsed parse(String arn) {
        for (Kind kind : Kind.values()) {
            Matcher m = kind.pattern.matcher(arn);
            if (m.matches()) {
                return new Parsed(kind, m.group(1), m.group(2), m.group(3));
            }
        }
        return null;
    }

    static Kind kind(String arn) {
        Parsed parsed = parse(arn);
        return parsed == null ? null : parsed.kind();
    }

    static boolean isLambdaFunction(String arn) {
        return kind(arn) == Kind.LAMBDA;
    }

    static boolean isQueue(String arn) {
        return kind(arn) == Kind.SQS;
    }

    static boolean isFifoQueue(String arn) {
        return isQueue(arn) && arn.endsWith(".fifo");
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
        return "selfheal does not deliver to " + service(arn) + " targets of this kind yet: a target is a Lambda "
                + "function, an SQS queue, an SNS topic, a CloudWatch Logs log group, an event bus or an API "
                + "destination. Target " + arn + " was not added.";
    }
}
