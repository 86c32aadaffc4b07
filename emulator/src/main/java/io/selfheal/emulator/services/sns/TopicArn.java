package io.selfheal.emulator.services.sns;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code arn:aws:sns:<region>:<account>:<name>}: topics are found by the account and region their ARN names. */
record TopicArn(String region, String accountId, String name) {
    private static final Pattern ARN =
            Pattern.compile("arn:aws:sns:([a-z0-9-]+):(\\d{12}):([A-Za-z0-9_-]{1,256}(?:\\.fifo)?)");

    static TopicArn of(String region, String accountId, String name) {
        return new TopicArn(region, accountId, name);
    }

    /** @throws io.selfheal.emulator.core.AwsException InvalidParameter naming {@code parameter} */
    static TopicArn parse(String arn, String parameter) {
        TopicArn parsed = tryParse(arn);
        if (parsed == null) {
            throw SnsErrors.invalidParameter(parameter);
        }
        return parsed;
    }

    static TopicArn tryParse(String arn) {
        if (arn == null) {
            return null;
        }
        Matcher m = ARN.matcher(arn);
        return m.matches() ? new TopicArn(m.group(1), m.group(2), m.group(3)) : null;
    }

    /** The topic ARN a subscription ARN ({@code <topic arn>:<uuid>}) belongs to, or null. */
    static TopicArn ofSubscription(String subscriptionArn) {
        if (subscriptionArn == null) {
            return null;
        }
        int colon = subscriptionArn.lastIndexOf(':');
        return colon < 0 ? null : tryParse(subscriptionArn.substring(0, colon));
    }

    boolean fifo() {
        return name.endsWith(".fifo");
    }

    @Override
    public String toString() {
        return "arn:aws:sns:" + region + ":" + accountId + ":" + name;
    }
}
