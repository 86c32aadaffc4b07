package io.selfheal.emulator.services.sns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One topic: its attributes, tags and subscriptions (which go with it when it is deleted). */
final class Topic {
    final TopicArn arn;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private int subscriptionsDeleted;
    private long sequence = 10_000_000_000_000_000L;

    Topic(TopicArn arn, Map<String, String> attributes, Map<String, String> tags) {
        this.arn = arn;
        this.attributes.put("Policy", TopicPolicy.defaultPolicy(arn));
        this.attributes.putAll(attributes);
        this.tags.putAll(tags);
    }

    boolean fifo() {
        return "true".equalsIgnoreCase(attribute("FifoTopic"));
    }

    boolean contentBasedDeduplication() {
        return "true".equalsIgnoreCase(attribute("ContentBasedDeduplication"));
    }

    /** FIFO topics number their messages: 20 digits, increasing. */
    synchronized String nextSequenceNumber() {
        return String.format("%020d", ++sequence);
    }

    synchronized String attribute(String name) {
        return attributes.get(name);
    }

    synchronized Map<String, String> attributes() {
        return new LinkedHashMap<>(attributes);
    }

    synchronized void attribute(String name, String value) {
        attributes.put(name, value);
    }

    synchronized Map<String, String> tags() {
        return new LinkedHashMap<>(tags);
    }

    synchronized void tag(Map<String, String> added) {
        tags.putAll(added);
    }

    synchronized void untag(List<String> keys) {
        keys.forEach(tags::remove);
    }

    synchronized List<Subscription> subscriptions() {
        return new ArrayList<>(subscriptions.values());
    }

    synchronized Subscription subscription(String arn) {
        return subscriptions.get(arn);
    }

    synchronized void add(Subscription subscription) {
        subscriptions.put(subscription.arn, subscription);
    }

    synchronized boolean remove(String subscriptionArn) {
        boolean removed = subscriptions.remove(subscriptionArn) != null;
        if (removed) {
            subscriptionsDeleted++;
        }
        return removed;
    }

    synchronized int subscriptionsDeleted() {
        return subscriptionsDeleted;
    }
}
