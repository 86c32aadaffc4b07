package io.selfheal.harness.stack;

import io.selfheal.harness.yaml.YMap;
import io.selfheal.harness.yaml.YNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code stack.topics}: SNS topics made with CreateTopic and their queue subscriptions (Subscribe), each
 * subscription asking its queue's policy to let the topic send; at the end the topic policies other kinds asked for.
 */
public final class TopicKind extends AbstractStackKind<TopicKind.Topic> {
    public static final String KEY = "topics";

    /** An SNS topic made with CreateTopic, with its subscriptions. */
    public record Topic(String key, String name, boolean fifo, List<Subscription> subscriptions) {
    }

    /** A topic subscription to a stack queue (by key), with SNS's raw delivery and filter policy. */
    public record Subscription(String queue, boolean rawMessageDelivery, String filterPolicy) {
    }

    public TopicKind() {
        super(KEY, Topic.class, List.of("arn", "name"), Set.of(QueueKind.KEY));
    }

    @Override
    public Topic read(String key, YMap m, StackReading reading) {
        m.allow("name", "fifo", "subscriptions");
        Boolean fifo = m.bool("fifo");
        String name = m.string("name");
        boolean isFifo = fifo != null ? fifo : name != null && name.endsWith(".fifo");
        List<Subscription> subscriptions = new ArrayList<>();
        YNode list = m.get("subscriptions");
        if (list != null) {
            for (YNode item : list.list()) {
                YMap s = item.map().allow("queue", "rawMessageDelivery", "filterPolicy");
                String queue = reading.stackKey(QueueKind.KEY, s.require("queue"));
                Boolean raw = s.bool("rawMessageDelivery");
                YNode policy = s.get("filterPolicy");
                subscriptions.add(new Subscription(queue, raw != null && raw,
                        policy == null ? null : policy.isScalar() ? policy.text() : policy.toJson().toString()));
            }
        }
        return new Topic(key, name != null ? name : isFifo ? key + ".fifo" : key, isFifo, subscriptions);
    }

    @Override
    public void provision(Map<String, Topic> topics, Provisioning p) {
        var sns = p.clients().sns();
        for (Topic t : topics.values()) {
            String name = p.name(t.name(), io.selfheal.harness.runid.NameLimits.SNS_TOPIC);
            String arn = sns.createTopic(r -> r.name(name)
                    .attributes(t.fifo() ? Map.of("FifoTopic", "true") : Map.of())).topicArn();
            p.put(this, t.key(), "arn", arn);
            p.put(this, t.key(), "name", name);
            for (Subscription s : t.subscriptions()) {
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("RawMessageDelivery", Boolean.toString(s.rawMessageDelivery()));
                if (s.filterPolicy() != null) {
                    attributes.put("FilterPolicy", s.filterPolicy());
                }
                sns.subscribe(r -> r.topicArn(arn).protocol("sqs")
                        .endpoint(p.state().get(QueueKind.KEY, s.queue(), "arn")).attributes(attributes));
                p.allow(QueueKind.KEY, s.queue(), "sns.amazonaws.com", "sqs:SendMessage", arn);
            }
        }
    }

    @Override
    public void grant(String key, String policy, Provisioning p) {
        p.clients().sns().setTopicAttributes(r -> r.topicArn(p.state().get(KEY, key, "arn"))
                .attributeName("Policy").attributeValue(policy));
    }

    /** The JSON Schema of this kind: its section's description, one entry's schema, and defs it refers to. */
    @Override
    public String schema() {
        return """
            {"description": "SNS topics (CreateTopic, Subscribe), by key.", "entry": {"description": "An SNS topic. References: ${topics.<key>.arn}, ${topics.<key>.name}.", "type": "object", "additionalProperties": false, "properties": {
              "name": {"description": "The topic name (default: the key, plus .fifo for a FIFO topic).", "type": "string"},
              "fifo": {"description": "A FIFO topic (default: whether the name ends in .fifo).", "type": "boolean"},
              "subscriptions": {"description": "Subscriptions of stack queues.", "type": "array", "items": {"type": "object", "additionalProperties": false, "required": ["queue"], "properties": {"queue": {"description": "The key of the subscribed queues entry.", "$ref": "#/$defs/stackKey"}, "rawMessageDelivery": {"description": "Deliver the message itself, not SNS's JSON envelope (default false).", "type": "boolean", "default": false}, "filterPolicy": {"description": "An SNS filter policy: inline YAML or JSON text.", "type": ["object", "string"]}}}}
            }}
            }
            """;
    }
}
