package io.selfheal.emulator.messages;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that turns an ARN into what receives a delivery: EventBridge targets, CloudWatch alarm actions and
 * SNS subscription endpoints all name their receivers by ARN, and each kind is reached over the bus by one request
 * ({@link InvokeFunction}, {@link SendToQueue}, {@link PublishToTopic}, {@link PutLogEvents},
 * {@link InstanceAlarmAction}). Which kinds a sender accepts stays the sender's decision.
 */
public final class ArnTargets {
    /** A kind of receiver, recognised by the shape of its ARN. */
    public enum Kind {
        FUNCTION("arn:aws[a-z-]*:lambda:([a-z0-9-]+):(\\d{12}):function:([A-Za-z0-9_-]{1,64})"
                + "(?::([A-Za-z0-9$_-]{1,128}))?"),
        QUEUE("arn:aws[a-z-]*:sqs:([a-z0-9-]+):(\\d{12}):([A-Za-z0-9_-]{1,75}\\.fifo|[A-Za-z0-9_-]{1,80})()"),
        TOPIC("arn:aws[a-z-]*:sns:([a-z0-9-]+):(\\d{12}):([A-Za-z0-9_-]{1,256}(?:\\.fifo)?)()"),
        /** CloudFormation's LogGroup Arn ends in {@code :*}; either form names the group. */
        LOG_GROUP("arn:aws[a-z-]*:logs:([a-z0-9-]+):(\\d{12}):log-group:([.\\-_/#A-Za-z0-9]{1,512}?)(?::\\*)?()"),
        EVENT_BUS("arn:aws[a-z-]*:events:([a-z0-9-]+):(\\d{12}):event-bus/([/.\\-_A-Za-z0-9]{1,256})()"),
        /** The qualifier is the destination's id. */
        API_DESTINATION("arn:aws[a-z-]*:events:([a-z0-9-]+):(\\d{12}):api-destination/([.\\-_A-Za-z0-9]{1,64})"
                + "/([\\-A-Za-z0-9]+)"),
        /**
         * A CloudWatch alarm's EC2 action, {@code arn:aws:automate:<region>:ec2:<action>}: no account, and the name
         * is the action ({@code stop}, {@code terminate}, {@code reboot}, {@code recover}).
         */
        EC2_ACTION("arn:aws[a-z-]*:automate:([a-z0-9-]+)()?:ec2:(stop|terminate|reboot|recover)()");

        private final Pattern pattern;

        Kind(String regex) {
            this.pattern = Pattern.compile(regex);
        }
    }

    /**
     * A parsed receiver ARN.
     *
     * @param account   the account it belongs to; null for EC2 actions, which act in the alarm's account
     * @param name      the function, queue, topic, log group, bus or API destination name; an EC2 action's verb
     * @param qualifier a function's version or alias, an API destination's id; else null
     */
    public record Target(Kind kind, String arn, String region, String account, String name, String qualifier) {
        public boolean fifoQueue() {
            return kind == Kind.QUEUE && name.endsWith(".fifo");
        }
    }

    private ArnTargets() {
    }

    /** @return what {@code arn} names, or null when it names no receiver the emulator knows */
    public static Target parse(String arn) {
        if (arn == null) {
            return null;
        }
        for (Kind kind : Kind.values()) {
            Matcher m = kind.pattern.matcher(arn);
            if (m.matches()) {
                return new Target(kind, arn, m.group(1), empty(m.group(2)), m.group(3), empty(m.group(4)));
            }
        }
        return null;
    }

    /** Whether {@code arn} names a receiver of this kind. */
    public static boolean is(Kind kind, String arn) {
        Target t = parse(arn);
        return t != null && t.kind() == kind;
    }

    private static String empty(String group) {
        return group == null || group.isEmpty() ? null : group;
    }
}
