package io.selfheal.emulator.services.events;

import io.selfheal.emulator.messages.ArnTargets;
import java.util.regex.Pattern;

/**
 * Which target ARNs selfheal delivers to ("Amazon EventBridge targets"): Lambda functions, SQS queues, SNS topics,
 * CloudWatch Logs log groups, event buses and API destinations. Any other kind is refused at PutTargets with a message
 * that says so, never accepted and dropped.
 */
final class TargetKinds {
    /** A kind of target EventBridge delivers to: the receivers of {@link ArnTargets} it accepts. */
    enum Kind {
        LAMBDA(ArnTargets.Kind.FUNCTION),
        SQS(ArnTargets.Kind.QUEUE),
        SNS(ArnTargets.Kind.TOPIC),
        LOGS(ArnTargets.Kind.LOG_GROUP),
        EVENT_BUS(ArnTargets.Kind.EVENT_BUS),
        API_DESTINATION(ArnTargets.Kind.API_DESTINATION);

        private final ArnTargets.Kind receiver;

        Kind(ArnTargets.Kind receiver) {
            this.receiver = receiver;
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
        ArnTargets.Target target = ArnTargets.parse(arn);
        if (target != null) {
            for (Kind kind : Kind.values()) {
                if (kind.receiver == target.kind()) {
                    return new Parsed(kind, target.region(), target.account(), target.name());
                }
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
        ArnTargets.Target target = ArnTargets.parse(arn);
        return target != null && target.fifoQueue();
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
