package io.selfheal.harness.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfheal.harness.yaml.ProblemAt;
import io.selfheal.harness.yaml.YMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code stack.queues}: SQS queues made with CreateQueue, then their redrive policies (so a dead-letter queue may
 * come later in the file), and at the end the queue policies other kinds asked for (who may send).
 */
public final class QueueKind extends AbstractStackKind<QueueKind.Queue> {
    public static final String KEY = "queues";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * An SQS queue made with CreateQueue; a FIFO queue's name ends in {@code .fifo}. {@code attributes} are SQS's
     * own names ({@code VisibilityTimeout}, …); {@code deadLetter} (a queue key) becomes the RedrivePolicy.
     */
    public record Queue(String key, String name, boolean fifo, Map<String, String> attributes, String deadLetter,
                        int maxReceiveCount) {
    }

    public QueueKind() {
        super(KEY, Queue.class, List.of("url", "arn", "name"), Set.of());
    }

    @Override
    public Queue read(String key, YMap m, StackReading reading) {
        m.allow("name", "fifo", "attributes", "deadLetter", "maxReceiveCount");
        String deadLetter = m.has("deadLetter") ? reading.stackKey(KEY, m.get("deadLetter")) : null;
        return queue(key, m.bool("fifo"), m.string("name"), m.stringMap("attributes"), deadLetter,
                m.has("deadLetter"), m.integer("maxReceiveCount"), m.problems());
    }

    /**
     * An entry by SQS's rules, for the YAML reader and the Java DSL alike: a FIFO queue's name ends in {@code .fifo}
     * (the default name is the key, with {@code .fifo} for a FIFO queue); the redrive policy needs a dead-letter queue
     * other than the queue itself.
     *
     * @param deadLetter      the dead-letter queue's key, checked against the stack; null without one
     * @param deadLetterGiven whether a dead-letter queue was written (it may have named no queue of the stack)
     */
    public static Queue queue(String key, Boolean fifo, String name, Map<String, String> attributes, String deadLetter,
                              boolean deadLetterGiven, Integer maxReceiveCount, ProblemAt problems) {
        boolean isFifo = fifo != null ? fifo : name != null && name.endsWith(".fifo");
        if (name == null) {
            name = isFifo ? key + ".fifo" : key;
        } else if (isFifo != name.endsWith(".fifo")) {
            problems.problem("name", "a FIFO queue's name must end in .fifo, and only a FIFO queue's (as in SQS)");
        }
        if (key.equals(deadLetter)) {
            problems.problem("deadLetter", "a queue cannot be its own dead-letter queue");
        }
        if (maxReceiveCount != null && !deadLetterGiven) {
            problems.problem("maxReceiveCount", "maxReceiveCount needs deadLetter (it is part of the redrive policy)");
        }
        return new Queue(key, name, isFifo, attributes, deadLetter, maxReceiveCount == null ? 3 : maxReceiveCount);
    }

    @Override
    public void provision(Map<String, Queue> queues, Provisioning p) {
        var sqs = p.clients().sqs();
        for (Queue q : queues.values()) {
            String name = p.name(q.name(), io.selfheal.harness.runid.NameLimits.SQS_QUEUE);
            Map<String, String> attributes = new LinkedHashMap<>(p.state().resolve(q.attributes()));
            if (q.fifo()) {
                attributes.put("FifoQueue", "true");
            }
            String url = sqs.createQueue(r -> r.queueName(name).attributesWithStrings(attributes)).queueUrl();
            p.put(this, q.key(), "url", url);
            p.put(this, q.key(), "name", name);
            p.put(this, q.key(), "arn", sqs.getQueueAttributes(r -> r.queueUrl(url)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN));
        }
        for (Queue q : queues.values()) {
            if (q.deadLetter() != null) {
                String redrive = JSON.createObjectNode()
                        .put("deadLetterTargetArn", p.state().get(KEY, q.deadLetter(), "arn"))
                        .put("maxReceiveCount", q.maxReceiveCount()).toString();
                sqs.setQueueAttributes(r -> r.queueUrl(p.state().get(KEY, q.key(), "url"))
                        .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, redrive)));
            }
        }
    }

    @Override
    public void grant(String key, String policy, Provisioning p) {
        p.clients().sqs().setQueueAttributes(r -> r.queueUrl(p.state().get(KEY, key, "url"))
                .attributes(Map.of(QueueAttributeName.POLICY, policy)));
    }

    /** The JSON Schema of this kind: its section's description, one entry's schema, and defs it refers to. */
    @Override
    public String schema() {
        return """
            {"description": "SQS queues (CreateQueue), by key.", "entry": {"description": "An SQS queue. References: ${queues.<key>.url}, ${queues.<key>.arn}, ${queues.<key>.name}.", "type": "object", "additionalProperties": false, "dependentRequired": {"maxReceiveCount": ["deadLetter"]}, "properties": {
              "name": {"description": "The queue name (default: the key, plus .fifo for a FIFO queue); a FIFO queue's name ends in .fifo.", "type": "string"},
              "fifo": {"description": "A FIFO queue (default: whether the name ends in .fifo).", "type": "boolean"},
              "attributes": {"description": "SQS queue attributes by SQS's own names, e.g. VisibilityTimeout: \\"45\\".", "$ref": "#/$defs/textMap"},
              "deadLetter": {"description": "The key of the queues entry that receives messages received too often (the RedrivePolicy).", "$ref": "#/$defs/stackKey"},
              "maxReceiveCount": {"description": "Receives before a message moves to deadLetter (default 3).", "type": "integer", "minimum": 1, "maximum": 1000, "default": 3}
            }}
            }
            """;
    }
}
