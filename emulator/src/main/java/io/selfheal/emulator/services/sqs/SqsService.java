package io.selfheal.emulator.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.SendToQueue;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.Operation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Amazon SQS: one operation table behind AWS JSON 1.0 (query-compatible) and AWS query. */
public final class SqsService implements AwsService {
    private static final ServiceDescriptor JSON = ServiceDescriptor.json10QueryCompatible("sqs", "AmazonSQS");
    private static final ServiceDescriptor QUERY =
            ServiceDescriptor.query("sqs", "http://queue.amazonaws.com/doc/2012-11-05/");

    /** ServiceLoader entry. */
    public static final class Provider implements AwsServiceProvider {
        @Override
        public AwsService create(EmulatorContext context) {
            return new SqsService(context);
        }
    }

    private final SqsQueues queues = new SqsQueues();
    private final Map<String, Operation> operations = new HashMap<>();

    SqsService(EmulatorContext context) {
        QueueOperations q = new QueueOperations(queues, context.clock());
        MessageOperations m = new MessageOperations(queues, context.clock());
        Receiver receiver = new Receiver(queues, context.clock());
        add("CreateQueue", q::createQueue);
        add("GetQueueUrl", q::getQueueUrl);
        add("ListQueues", q::listQueues);
        add("GetQueueAttributes", q::getQueueAttributes);
        add("SetQueueAttributes", q::setQueueAttributes);
        add("DeleteQueue", q::deleteQueue);
        add("PurgeQueue", q::purgeQueue);
        add("TagQueue", q::tagQueue);
        add("UntagQueue", q::untagQueue);
        add("ListQueueTags", q::listQueueTags);
        add("SendMessage", m::sendMessage);
        add("SendMessageBatch", m::sendMessageBatch);
        add("ReceiveMessage", receiver::receiveMessage);
        add("DeleteMessage", m::deleteMessage);
        add("DeleteMessageBatch", m::deleteMessageBatch);
        add("ChangeMessageVisibility", m::changeMessageVisibility);
        add("ChangeMessageVisibilityBatch", m::changeMessageVisibilityBatch);
        QueueDelivery delivery = new QueueDelivery(queues, context.clock());
        context.bus().handle(SendToQueue.class, (SendToQueue send) -> (Delivery) delivery.deliver(send));
    }

    /** Every operation reads JSON shapes; query requests are reshaped first. */
    private void add(String name, Operation operation) {
        operations.put(name, (ctx, input) -> operation.handle(ctx, SqsQueryShapes.request(input)));
    }

    @Override
    public ServiceDescriptor descriptor() {
        return JSON;
    }

    @Override
    public List<ServiceDescriptor> protocols() {
        return List.of(JSON, QUERY);
    }

    @Override
    public Map<String, Operation> operations() {
        return operations;
    }

    @Override
    public JsonNode queryResult(String operation, JsonNode result) {
        return SqsQueryShapes.result(operation, result);
    }

    /** A long poll waits on a worker thread for up to 20 seconds. */
    @Override
    public boolean blocking(String operation) {
        return operation.equals("ReceiveMessage");
    }

    /** How many long polls are waiting on the named queue (visible to tests in this package). */
    int longPolls(String accountId, String region, String queueName) {
        SqsQueue queue = queues.in(accountId, region).get(queueName);
        if (queue == null) {
            return 0;
        }
        synchronized (queue) {
            return queue.waiters;
        }
    }

    @Override
    public void reset() {
        queues.reset();
    }
}
