package io.selfheal.emulator.services.sqs;

import static io.selfheal.emulator.service.OperationSpec.read;
import static io.selfheal.emulator.service.OperationSpec.write;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.authz.Authorization;
import io.selfheal.emulator.core.authz.ResourcePolicySource;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.messages.DeleteFromQueue;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.DescribeQueue;
import io.selfheal.emulator.messages.QueueMessagesArrived;
import io.selfheal.emulator.messages.ReceiveFromQueue;
import io.selfheal.emulator.messages.SendToQueue;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AbstractAwsService;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.OperationSpec;
import io.selfheal.emulator.service.ResourceArns;
import java.util.List;

/** Amazon SQS: one operation table behind AWS JSON 1.0 (query-compatible) and AWS query. */
public final class SqsService extends AbstractAwsService {
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

    private final SqsQueues queues;
    /** IAM names a queue by its ARN; requests name it by URL ({@code <endpoint>/<account>/<name>}). */
    private static final ResourceArns QUEUE = ResourceArns.each("QueueUrl", SqsService::queueArn);

    private static final ResourceArns NEW_QUEUE = ResourceArns.each("QueueName", (ctx, name) -> ctx.arn("sqs", name));


    SqsService(EmulatorContext context) {
        super("Amazon SQS", JSON, "sqs");
        queues = new SqsQueues(context.ids(), arn -> context.bus().publish(new QueueMessagesArrived(arn)));
        QueueOperations q = new QueueOperations(queues, context.clock());
        MessageOperations m = new MessageOperations(queues, context.clock());
        Receiver receiver = new Receiver(queues, context.clock());
        add(write("CreateQueue", q::createQueue).resources(NEW_QUEUE));
        add(read("GetQueueUrl", q::getQueueUrl));
        add(read("ListQueues", q::listQueues).resources(ResourceArns.ANY));
        add(read("GetQueueAttributes", q::getQueueAttributes).resources(QUEUE));
        add(write("SetQueueAttributes", q::setQueueAttributes).resources(QUEUE));
        add(write("DeleteQueue", q::deleteQueue).resources(QUEUE));
        add(write("PurgeQueue", q::purgeQueue).resources(QUEUE));
        add(write("TagQueue", q::tagQueue).resources(QUEUE));
        add(write("UntagQueue", q::untagQueue).resources(QUEUE));
        add(read("ListQueueTags", q::listQueueTags).resources(QUEUE));
        add(write("SendMessage", m::sendMessage).dataEvent().resources(QUEUE));
        add(write("SendMessageBatch", m::sendMessageBatch).dataEvent().iam("sqs:SendMessage").resources(QUEUE));
        add(write("ReceiveMessage", receiver::receiveMessage).dataEvent().blocking().resources(QUEUE));
        add(write("DeleteMessage", m::deleteMessage).dataEvent().resources(QUEUE));
        add(write("DeleteMessageBatch", m::deleteMessageBatch).dataEvent().iam("sqs:DeleteMessage").resources(QUEUE));
        add(write("ChangeMessageVisibility", m::changeMessageVisibility).dataEvent().resources(QUEUE));
        add(write("ChangeMessageVisibilityBatch", m::changeMessageVisibilityBatch).dataEvent()
                .iam("sqs:ChangeMessageVisibility").resources(QUEUE));
        QueueDelivery delivery = new QueueDelivery(queues, context.clock());
        context.bus().handle(SendToQueue.class, (SendToQueue send) -> (Delivery) delivery.deliver(send));
        QueuePolling polling = new QueuePolling(queues, receiver, context.clock());
        context.bus().handle(DescribeQueue.class, polling::describe);
        context.bus().handle(ReceiveFromQueue.class, polling::receive);
        context.bus().handle(DeleteFromQueue.class, polling::delete);
        context.component(Authorization.class).resourcePolicies("sqs", arn -> {
            SqsQueue queue = queues.byArn(arn);
            return queue == null ? null : ResourcePolicySource.Found.of("queue policy", queue.attribute("Policy"),
                    queue.accountId);
        });
    }

    /**
     * Every operation reads JSON shapes; query requests are reshaped first. (ReceiveMessage is counted a write, as
     * it hides what it returns for the visibility timeout.)
     */
    private void add(OperationSpec spec) {
        operations.add(spec.handledBy((ctx, input) -> spec.handler().handle(ctx, SqsQueryShapes.request(input))));
    }

    @Override
    public List<ServiceDescriptor> protocols() {
        return List.of(JSON, QUERY);
    }

    @Override
    public JsonNode queryResult(String operation, JsonNode result) {
        return SqsQueryShapes.result(operation, result);
    }

    private static String queueArn(RequestContext ctx, String queueUrl) {
        SqsQueues.Located at = SqsQueues.locate(ctx, queueUrl);
        return at == null ? queueUrl : at.arn();
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
