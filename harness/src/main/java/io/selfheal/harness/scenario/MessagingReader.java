package io.selfheal.harness.scenario;

import io.selfheal.harness.yaml.Suggestions;
import io.selfheal.harness.yaml.YMap;
import io.selfheal.harness.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads {@code stack.queues}, {@code stack.topics} and {@code stack.logGroups}. */
final class MessagingReader {
    private final Set<String> queueKeys;

    MessagingReader(Set<String> queueKeys) {
        this.queueKeys = queueKeys;
    }

    Stack.Queue queue(String key, YMap m) {
        m.allow("name", "fifo", "attributes", "deadLetter", "maxReceiveCount");
        Boolean fifo = m.bool("fifo");
        String name = m.string("name");
        boolean isFifo = fifo != null ? fifo : name != null && name.endsWith(".fifo");
        if (name == null) {
            name = isFifo ? key + ".fifo" : key;
        } else if (isFifo != name.endsWith(".fifo")) {
            m.get("name").problem("a FIFO queue's name must end in .fifo, and only a FIFO queue's (as in SQS)");
        }
        String deadLetter = m.has("deadLetter") ? queueKey(m.get("deadLetter")) : null;
        if (key.equals(deadLetter)) {
            m.get("deadLetter").problem("a queue cannot be its own dead-letter queue");
        }
        Integer maxReceive = m.integer("maxReceiveCount");
        if (maxReceive != null && deadLetter == null) {
            m.get("maxReceiveCount").problem("maxReceiveCount needs deadLetter (it is part of the redrive policy)");
        }
        return new Stack.Queue(key, name, isFifo, m.stringMap("attributes"), deadLetter,
                maxReceive == null ? 3 : maxReceive);
    }

    Stack.Topic topic(String key, YMap m) {
        m.allow("name", "fifo", "subscriptions");
        Boolean fifo = m.bool("fifo");
        String name = m.string("name");
        boolean isFifo = fifo != null ? fifo : name != null && name.endsWith(".fifo");
        List<Stack.Subscription> subscriptions = new ArrayList<>();
        YNode list = m.get("subscriptions");
        if (list != null) {
            for (YNode item : list.list()) {
                YMap s = item.map().allow("queue", "rawMessageDelivery", "filterPolicy");
                String queue = queueKey(s.require("queue"));
                Boolean raw = s.bool("rawMessageDelivery");
                YNode policy = s.get("filterPolicy");
                subscriptions.add(new Stack.Subscription(queue, raw != null && raw,
                        policy == null ? null : policy.isScalar() ? policy.text() : policy.toJson().toString()));
            }
        }
        return new Stack.Topic(key, name != null ? name : isFifo ? key + ".fifo" : key, isFifo, subscriptions);
    }

    static Stack.LogGroup logGroup(String key, YMap m) {
        m.allow("name", "retentionDays");
        String name = m.string("name");
        return new Stack.LogGroup(key, name == null ? key : name, m.integer("retentionDays"));
    }

    /** A queue key, reported with a did-you-mean when the stack has no such queue. */
    String queueKey(YNode node) {
        String key = node == null ? null : node.text();
        if (key != null && !queueKeys.contains(key)) {
            String suggestion = Suggestions.closest(key, queueKeys);
            node.problem("no queues entry '" + key + "' in stack"
                    + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : ""));
            return null;
        }
        return key;
    }

    static Set<String> keys(YMap stack, String kind) {
        YNode section = stack.get(kind);
        return section == null || !section.isMapping() ? Set.of() : section.map().keys();
    }
}
