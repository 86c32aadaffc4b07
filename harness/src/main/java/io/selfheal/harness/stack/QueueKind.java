package io.selfheal.harness.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfheal.harness.yaml.YMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code stack.queues}: SQS queues made with CreateQueue, then their redrive policies (so a dead-letter queue may
 * come later in the file), and at the end the queue policies other kinds asked for (who may send).
 */
public final class QueueKind implements StackKind<QueueKind.Queue> {
    public static final String KEY = "queues";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * An SQS queue made with CreateQueue; a FIFO queue's name ends in {@code .fifo}. {@code attributes} are SQS's
     * own names ({@code VisibilityTimeout}, …); {@code deadLetter} (a queue key) becomes the RedrivePolicy.
     */
    public record Queue(String key, String name, boolean fifo, Map<String, String> attributes, String deadLetter,
                        int maxReceiveCount) {
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Class<Queue> type() {
        return Queue.class;
    }

    @Override
    public List<String> attributes() {
        return List.of("url", "arn", "name");
    }

    @Override
    public Queue read(String key, YMap m, StackReading reading) {
        m.allow("name", "fifo", "attributes", "deadLetter", "maxReceiveCount");
        Boolean fifo = m.bool("fifo");
        String name = m.string("name");
        boolean isFifo = fifo != null ? fifo : name != null && name.endsWith(".fifo");
        if (name == null) {
            name = isFifo ? key + ".fifo" : key;
        } else if (isFifo != name.endsWith(".fifo")) {
            m.get("name").problem("a FIFO queue's name must end in .fifo, and only a FIFO queue's (as in SQS)");
        }
        String deadLetter = m.has("deadLetter") ? reading.stackKey(KEY, m.get("deadLetter")) : null;
        if (key.equals(deadLetter)) {
            m.get("deadLetter").problem("a queue cannot be its own dead-letter queue");
        }
        Integer maxReceive = m.integer("maxReceiveCount");
        if (maxReceive != null && deadLetter == null) {
            m.get("maxReceiveCount").problem("maxReceiveCount needs deadLetter (it is part of the redrive policy)");
        }
        return new Queue(key, name, isFifo, m.stringMap("attributes"), deadLetter,
                maxReceive == null ? 3 : maxReceive);
    }

    @Override
    public void provision(Map<String, Queue> queues, Provisioning p) {
        var sqs = p.clients().sqs();
        for (Queue q : queues.values()) {
            Map<String, String> attributes = new LinkedHashMap<>(p.state().resolve(q.attributes()));
            if (q.fifo()) {
                attributes.put("FifoQueue", "true");
            }
            String url = sqs.createQueue(r -> r.queueName(q.name()).attributesWithStrings(attributes)).queueUrl();
            p.put(this, q.key(), "url", url);
            p.put(this, q.key(), "name", q.name());
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
}
