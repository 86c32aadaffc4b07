package io.selfheal.emulator.services.sns;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One subscription. HTTP/S and email ones wait for ConfirmSubscription with their token; SQS and Lambda ones in the
 * topic's account are confirmed at once, as on AWS.
 */
final class Subscription {
    final String arn;
    final TopicArn topicArn;
    final String protocol;
    final String endpoint;
    final String owner;
    final String token;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private volatile boolean pending;
    private volatile FilterPolicy filter;

    Subscription(String arn, TopicArn topicArn, String protocol, String endpoint, String owner, String token,
                 boolean pending) {
        this.arn = arn;
        this.topicArn = topicArn;
        this.protocol = protocol;
        this.endpoint = endpoint;
        this.owner = owner;
        this.token = token;
        this.pending = pending;
    }

    boolean pending() {
        return pending;
    }

    void confirm() {
        pending = false;
    }

    boolean raw() {
        return "true".equalsIgnoreCase(attribute("RawMessageDelivery"));
    }

    boolean accepts(Notification notification) {
        FilterPolicy f = filter;
        return f == null || f.matches(notification);
    }

    synchronized String attribute(String name) {
        return attributes.get(name);
    }

    synchronized Map<String, String> attributes() {
        return new LinkedHashMap<>(attributes);
    }

    /** Sets a validated attribute; a changed filter policy or scope is compiled before anything changes. */
    synchronized void attribute(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(attributes);
        if (value == null || value.isEmpty()) {
            next.remove(name);
        } else {
            next.put(name, value);
        }
        FilterPolicy compiled = filter;
        if (name.equals("FilterPolicy") || name.equals("FilterPolicyScope")) {
            String policy = next.get("FilterPolicy");
            if (policy != null) {
                next.putIfAbsent("FilterPolicyScope", FilterPolicy.ATTRIBUTES_SCOPE);
            }
            compiled = policy == null ? null : FilterPolicy.compile(policy, next.get("FilterPolicyScope"));
        }
        attributes.clear();
        attributes.putAll(next);
        filter = compiled;
    }
}
