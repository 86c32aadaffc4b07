package io.selfheal.emulator.services.lambda.esm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.NoHandlerException;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.messages.DescribeQueue;
import io.selfheal.emulator.messages.QueueMessagesArrived;
import io.selfheal.emulator.service.Params;
import java.util.List;

/**
 * CreateEventSourceMapping, GetEventSourceMapping, ListEventSourceMappings, UpdateEventSourceMapping and
 * DeleteEventSourceMapping for Amazon SQS queues, with the API reference's limits and errors
 * (https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html): BatchSize 1–10,000 (10 by
 * default; above 10 only with a batching window of at least 1 s; at most 10 for FIFO queues, which take no window),
 * MaximumBatchingWindowInSeconds 0–300, FunctionResponseTypes [ReportBatchItemFailures], and the queue's visibility
 * timeout at least the function's timeout. Other event sources (Kinesis, DynamoDB, Kafka, MQ) are not emulated and
 * are refused as such.
 */
public final class EventSourceMappingOperations {
    private static final int DEFAULT_BATCH = 10;
    private static final int DEFAULT_MAX_ITEMS = 100;

    private final EmulatorContext context;
    private final MappedFunctions functions;
    private final EventSourceMappings mappings = new EventSourceMappings();

    public EventSourceMappingOperations(EmulatorContext context, MappedFunctions functions) {
        this.context = context;
        this.functions = functions;
        context.bus().subscribe(QueueMessagesArrived.class,
                arrived -> mappings.pollersOf(arrived.queueArn()).forEach(SqsPoller::wake));
    }

    public JsonNode create(RequestContext ctx, ObjectNode input) {
        Params p = params(input);
        String functionName = p.required("FunctionName");
        String source = p.string("EventSourceArn");
        Integer batchSize = range(p, "BatchSize", 1, 10000);
        Integer window = range(p, "MaximumBatchingWindowInSeconds", 0, 300);
        List<String> responseTypes = responseTypes(p);
        boolean enabled = p.bool("Enabled", true);
        DescribeQueue.Result queue = queue(source);
        MappedFunctions.Function function = functions.find(ctx.accountId(), ctx.region(), functionName);
        EventSourceMapping.Settings settings = checked(new EventSourceMapping.Settings(function.arn(),
                batchSize != null ? batchSize : DEFAULT_BATCH, window != null ? window : 0, responseTypes, enabled),
                queue, function);
        requireRolePermissions(source, function);
        for (EventSourceMapping m : mappings.list(ctx.accountId(), ctx.region())) {
            if (m.eventSourceArn.equals(source) && m.settings().functionArn().equals(function.arn())) {
                throw AwsException.conflict("ResourceConflictException", "An event source mapping with SQS arn (\" "
                        + source + " \") and function (\" " + function.arn().substring(
                                function.arn().lastIndexOf(':') + 1) + " \") already exists. Please update or "
                        + "delete the existing mapping with UUID " + m.uuid);
            }
        }
        EventSourceMapping mapping = new EventSourceMapping(context.ids().uuid("event-source-mapping"),
                ctx.accountId(), ctx.region(), source, settings, ctx.receivedAt());
        SqsPoller poller = new SqsPoller(mapping, context, functions);
        mappings.add(new EventSourceMappings.Entry(mapping, poller));
        poller.wake();
        return mapping.json("Creating");
    }

    /**
     * Lambda polls with the function's execution role, and refuses a mapping whose role cannot: "The function
     * execution role does not have permissions to call ReceiveMessage on SQS" (InvalidParameterValueException), for
     * each of the actions the "Execution role permissions" of
     * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html lists, in that order.
     */
    private void requireRolePermissions(String queueArn, MappedFunctions.Function function) {
        for (String action : SqsPoller.ROLE_ACTIONS) {
            if (!functions.roleMay(function.arn(), "sqs:" + action, queueArn)) {
                throw invalid(SqsPoller.missingPermission(action));
            }
        }
    }

    public JsonNode get(RequestContext ctx, ObjectNode input) {
        return require(ctx, input).mapping().json(null);
    }

    public JsonNode list(RequestContext ctx, ObjectNode input) {
        Params p = params(input);
        int maxItems = p.integer("MaxItems", DEFAULT_MAX_ITEMS);
        if (maxItems < 1 || maxItems > 10000) {
            throw p.errors().invalid("MaxItems", Integer.toString(maxItems), maxItems < 1
                    ? "Member must have value greater than or equal to 1"
                    : "Member must have value less than or equal to 10000");
        }
        String source = p.string("EventSourceArn");
        String functionName = p.string("FunctionName");
        String functionArn = functionName == null ? null
                : functions.find(ctx.accountId(), ctx.region(), functionName).arn();
        List<EventSourceMapping> matching = mappings.list(ctx.accountId(), ctx.region()).stream()
                .filter(m -> source == null || m.eventSourceArn.equals(source))
                .filter(m -> functionArn == null || m.settings().functionArn().equals(functionArn))
                .toList();
        int from = 0;
        String marker = p.string("Marker");
        if (marker != null) {
            while (from < matching.size() && !matching.get(from).uuid.equals(marker)) {
                from++;
            }
        }
        int to = Math.min(matching.size(), from + maxItems);
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("EventSourceMappings");
        matching.subList(from, to).forEach(m -> list.add(m.json(null)));
        if (to < matching.size()) {
            out.put("NextMarker", matching.get(to).uuid);
        }
        return out;
    }

    public JsonNode update(RequestContext ctx, ObjectNode input) {
        Params p = params(input);
        EventSourceMappings.Entry entry = require(ctx, input);
        EventSourceMapping mapping = entry.mapping();
        EventSourceMapping.Settings was = mapping.settings();
        Integer batchSize = range(p, "BatchSize", 1, 10000);
        Integer window = range(p, "MaximumBatchingWindowInSeconds", 0, 300);
        String functionName = p.string("FunctionName");
        MappedFunctions.Function function = functionName != null
                ? functions.find(ctx.accountId(), ctx.region(), functionName)
                : functions.find(ctx.accountId(), ctx.region(), was.functionArn());
        EventSourceMapping.Settings next = checked(new EventSourceMapping.Settings(function.arn(),
                batchSize != null ? batchSize : was.batchSize(), window != null ? window : was.batchingWindow(),
                p.has("FunctionResponseTypes") ? responseTypes(p) : was.responseTypes(),
                p.bool("Enabled", was.enabled())), queue(mapping.eventSourceArn), function);
        if (functionName != null) {
            requireRolePermissions(mapping.eventSourceArn, function);
        }
        mapping.update(next, ctx.receivedAt());
        entry.poller().wake();
        String state = next.enabled() == was.enabled() ? "Updating" : next.enabled() ? "Enabling" : "Disabling";
        return mapping.json(state);
    }

    public JsonNode delete(RequestContext ctx, ObjectNode input) {
        EventSourceMappings.Entry entry = require(ctx, input);
        mappings.remove(entry.mapping().uuid);
        entry.poller().stop();
        return entry.mapping().json("Deleting");
    }

    /** Stops every poller and forgets every mapping. */
    public void reset() {
        mappings.clear();
    }

    private EventSourceMappings.Entry require(RequestContext ctx, ObjectNode input) {
        String uuid = params(input).required("UUID");
        EventSourceMappings.Entry entry = mappings.get(ctx.accountId(), ctx.region(), uuid);
        if (entry == null) {
            throw AwsException.notFound("ResourceNotFoundException", "The resource you requested does not exist.");
        }
        return entry;
    }

    /** The SQS queue an EventSourceArn names; other sources are not emulated. */
    private DescribeQueue.Result queue(String source) {
        if (source == null || !source.matches("arn:aws[a-zA-Z-]*:sqs:[a-z0-9-]+:\\d{12}:.+")) {
            throw invalid("Unsupported event source " + (source == null ? "(none)" : source)
                    + ": this emulator maps Amazon SQS queues only.");
        }
        DescribeQueue.Result queue;
        try {
            queue = context.bus().ask(new DescribeQueue(source));
        } catch (NoHandlerException e) {
            queue = DescribeQueue.Result.notFound();
        }
        if (!queue.found()) {
            throw invalid("Error occurred while ReceiveMessage. SQSError Code : "
                    + "AWS.SimpleQueueService.NonExistentQueue, SQSError Message : The specified queue does not "
                    + "exist for this wsdl version.");
        }
        return queue;
    }

    private static EventSourceMapping.Settings checked(EventSourceMapping.Settings s, DescribeQueue.Result queue,
                                                       MappedFunctions.Function function) {
        if (queue.fifo() && s.batchSize() > DEFAULT_BATCH) {
            throw invalid("Batch size for FIFO queues must be less than or equal to 10.");
        }
        if (queue.fifo() && s.batchingWindow() > 0) {
            throw invalid("Batching window is not supported for FIFO queues.");
        }
        if (s.batchSize() > DEFAULT_BATCH && s.batchingWindow() == 0) {
            throw invalid("Maximum batch window in seconds must be greater than 0 if maximum batch size is "
                    + "greater than 10");
        }
        if (queue.visibilityTimeout() < function.timeout()) {
            throw invalid("Queue visibility timeout: " + queue.visibilityTimeout()
                    + " seconds is less than Function timeout: " + function.timeout() + " seconds");
        }
        return s;
    }

    private static Integer range(Params p, String name, int min, int max) {
        Integer value = p.integer(name);
        if (value != null && (value < min || value > max)) {
            throw p.errors().invalid(name, value.toString(), value < min
                    ? "Member must have value greater than or equal to " + min
                    : "Member must have value less than or equal to " + max);
        }
        return value;
    }

    private static List<String> responseTypes(Params p) {
        List<String> types = p.strings("FunctionResponseTypes");
        for (String t : types) {
            if (!t.equals("ReportBatchItemFailures")) {
                throw p.errors().invalid("FunctionResponseTypes", types.toString(),
                        "Member must satisfy constraint: [Member must satisfy enum value set: "
                                + "[ReportBatchItemFailures]]");
            }
        }
        return List.copyOf(types);
    }

    private static AwsException invalid(String message) {
        return AwsException.badRequest("InvalidParameterValueException", message);
    }

    private static Params params(ObjectNode input) {
        return new Params(input, Params.VALIDATION_EXCEPTION);
    }
}
