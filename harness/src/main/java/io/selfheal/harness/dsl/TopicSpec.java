package io.selfheal.harness.dsl;

import io.selfheal.harness.stack.TopicKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** An SNS topic of the stack ({@code stack.topics.<key>}) and its queue subscriptions. */
public final class TopicSpec extends Spec<TopicSpec> {
    private String name;
    private Boolean fifo;
    private List<Subscription> subscriptions = List.of();

    private record Subscription(String queue, boolean raw, String filterPolicy) {
    }

    TopicSpec() {
    }

    public TopicSpec name(String name) {
        return with(s -> s.name = name);
    }

    public TopicSpec fifo() {
        return with(s -> s.fifo = true);
    }

    /** Subscribes the stack's queue under {@code key}. */
    public TopicSpec subscribe(String queue) {
        return subscribe(queue, false, null);
    }

    /**
     * Subscribes the stack's queue with SNS's raw message delivery and a filter policy (JSON text, stored compact as
     * the loader stores an inline mapping; null for none).
     */
    public TopicSpec subscribe(String queue, boolean rawMessageDelivery, String filterPolicy) {
        return with(s -> {
            List<Subscription> next = new ArrayList<>(s.subscriptions);
            next.add(new Subscription(queue, rawMessageDelivery, filterPolicy));
            s.subscriptions = List.copyOf(next);
        });
    }

    TopicKind.Topic build(String key, Checks checks) {
        boolean isFifo = fifo != null ? fifo : name != null && name.endsWith(".fifo");
        List<TopicKind.Subscription> built = new ArrayList<>();
        for (int i = 0; i < subscriptions.size(); i++) {
            Subscription s = subscriptions.get(i);
            Checks item = checks.at("subscriptions").item(i);
            String queue = item.stackKey("queue", "queues", s.queue());
            JsonNode policy = s.filterPolicy() == null ? null
                    : JsonText.read(s.filterPolicy(), item.at("filterPolicy"));
            built.add(new TopicKind.Subscription(queue, s.raw(), policy == null ? null : policy.toString()));
        }
        return new TopicKind.Topic(key, name != null ? name : isFifo ? key + ".fifo" : key, isFifo, built);
    }
}
