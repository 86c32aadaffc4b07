package io.selfheal.emulator.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.CallerIdentity;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.authz.Authorization;
import io.selfheal.emulator.messages.ArnTargets;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.PublishToTopic;
import io.selfheal.emulator.messages.PutEventOnBus;
import io.selfheal.emulator.messages.SendToQueue;
import io.selfheal.emulator.services.lambda.runtime.InvocationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where an asynchronous event ends: its invocation record to the on-success or on-failure destination (SQS, SNS,
 * an EventBridge bus or another function), and on failure the original event to the function's dead-letter queue
 * (SQS or SNS) with Lambda's message attributes. A delivery that fails is counted ({@code DestinationDeliveryFailures},
 * {@code DeadLetterErrors}) and logged, never silent.
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
 */
final class AsyncOutcomes {
    private static final Logger LOG = Logger.getLogger(AsyncOutcomes.class.getName());
    /** Lambda puts the first 1 KB of the error message on a dead-lettered event. */
    private static final int DLQ_MESSAGE_LIMIT = 1024;
    /** A dead letter's {@code ErrorCode} is a Number attribute; the others are Strings. */
    private static final Map<String, String> ERROR_CODE_TYPE = Map.of("ErrorCode", "Number");
    /** What the decision log says acted with the execution role. */
    static final String ORIGIN = "lambda:async-delivery";

    /** Why a record was written: the {@code requestContext.condition}. */
    enum Condition {
        SUCCESS("Success"), RETRIES_EXHAUSTED("RetriesExhausted"), EVENT_AGE_EXCEEDED("EventAgeExceeded");

        final String text;

        Condition(String text) {
            this.text = text;
        }
    }

    private final EmulatorContext context;
    private final FunctionRegistry functions;
    private final AsyncEventQueue queue;
    private final LambdaMetrics metrics;
    private final Authorization authorization;

    AsyncOutcomes(EmulatorContext context, FunctionRegistry functions, AsyncEventQueue queue, LambdaMetrics metrics) {
        this.context = context;
        this.authorization = context.component(Authorization.class);
        this.functions = functions;
        this.queue = queue;
        this.metrics = metrics;
    }

    void succeeded(AsyncEventQueue.Event e) {
        String destination = EventInvokeConfig.of(e.function).onSuccess();
        if (destination != null) {
            deliverRecord(e, destination, Condition.SUCCESS);
        }
    }

    void failed(AsyncEventQueue.Event e, Condition condition) {
        String destination = EventInvokeConfig.of(e.function).onFailure();
        if (destination != null) {
            deliverRecord(e, destination, condition);
        }
        String deadLetter = e.function.revision().config().deadLetterTarget();
        if (deadLetter != null) {
            deadLetter(e, deadLetter, condition);
        }
        if (destination == null && deadLetter == null) {
            LOG.info(() -> "asynchronous event " + e.requestId + " of " + e.function.name() + " discarded ("
                    + condition.text + ", no destination or dead-letter queue)");
        }
    }

    /**
     * The invocation record, as Lambda writes it for destinations.
     */
    ObjectNode record(AsyncEventQueue.Event e, Condition condition) {
        ObjectNode record = Json.object().put("version", "1.0")
                .put("timestamp", DateTimeFormatter.ISO_INSTANT.format(
                        context.clock().now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
        record.putObject("requestContext").put("requestId", e.requestId)
                .put("functionArn", e.function.arn() + ":$LATEST")
                .put("condition", condition.text)
                .put("approximateInvokeCount", e.attempts);
        record.set("requestPayload", json(e.payload));
        InvocationResult last = e.last;
        if (last != null) {
            ObjectNode response = record.putObject("responseContext").put("statusCode", 200)
                    .put("executedVersion", "$LATEST");
            if (last.failed()) {
                response.put("functionError", "Unhandled");
            }
            record.set("responsePayload", json(last.payload()));
        }
        return record;
    }

    private void deliverRecord(AsyncEventQueue.Event e, String arn, Condition condition) {
        ObjectNode record = record(e, condition);
        String failure = send(e.function, arn, record, condition);
        if (failure != null) {
            metrics.count(e.function, "DestinationDeliveryFailures");
            LOG.warning(() -> "the " + condition.text + " record of " + e.requestId + " could not be delivered to "
                    + arn + ": " + failure);
        }
    }

    /** @return null when delivered, else why not */
    private String send(LambdaFunction from, String arn, ObjectNode record, Condition condition) {
        String denied = deniedToExecutionRole(from, arn);
        if (denied != null) {
            return denied;
        }
        ArnTargets.Target target = ArnTargets.parse(arn);
        if (target == null) {
            return "not a destination ARN";
        }
        String body = Json.write(record);
        try {
            return switch (target.kind()) {
                case QUEUE -> target.fifoQueue() ? "FIFO queues are not supported as destinations"
                        : refusal(context.bus().ask(new SendToQueue(arn, body, Map.of(), null, null, null,
                        from.arn())));
                case TOPIC -> refusal(context.bus().ask(new PublishToTopic(arn, body, null, Map.of(), null,
                        from.arn())));
                case EVENT_BUS -> refusal(context.bus().ask(new PutEventOnBus(arn, "lambda",
                        condition == Condition.SUCCESS ? "Lambda Function Invocation Result - Success"
                                : "Lambda Function Invocation Result - Failure",
                        List.of(from.arn() + ":$LATEST"), record, context.clock().now())));
                case FUNCTION -> invokeFunction(target, from, body);
                default -> "not a destination kind Lambda supports";
            };
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "delivery to " + arn + " failed", e);
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** Another function: an asynchronous invocation with the record as its event. */
    private String invokeFunction(ArnTargets.Target target, LambdaFunction from, String body) {
        LambdaFunction to = functions.find(target.account(), target.region(), target.name());
        if (to == null) {
            return "Function not found: " + target.arn();
        }
        queue.accept(to, context.ids().uuid("invocation"), "lambda.amazonaws.com", body.getBytes(
                StandardCharsets.UTF_8), null);
        return null;
    }

    /**
     * The dead-letter queue gets the event as it came, with {@code RequestID}, {@code ErrorCode} (the HTTP status
     * of the failed invocation: 200 for a function error, 429 for a throttle) and {@code ErrorMessage} (its first
     * 1 KB).
     */
    private void deadLetter(AsyncEventQueue.Event e, String arn, Condition condition) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("RequestID", e.requestId);
        // an event whose last attempt was refused for want of concurrency never ran: its status was the 429
        attributes.put("ErrorCode", e.throttled ? "429" : "200");
        String message = e.throttled ? ConcurrencyLimits.THROTTLED_MESSAGE
                : e.last != null && e.last.errorMessage() != null ? e.last.errorMessage()
                : condition == Condition.EVENT_AGE_EXCEEDED ? "Event age exceeded" : "Retries exhausted";
        attributes.put("ErrorMessage", message.length() > DLQ_MESSAGE_LIMIT
                ? message.substring(0, DLQ_MESSAGE_LIMIT) : message);
        String body = new String(e.payload, StandardCharsets.UTF_8);
        String failure = deniedToExecutionRole(e.function, arn);
        if (failure == null) {
            ArnTargets.Target target = ArnTargets.parse(arn);
            try {
                failure = target == null ? "not a queue or topic ARN" : switch (target.kind()) {
                    case QUEUE -> refusal(context.bus().ask(new SendToQueue(arn, body, attributes, null, null, null,
                            e.function.arn(), ERROR_CODE_TYPE)));
                    case TOPIC -> refusal(context.bus().ask(new PublishToTopic(arn, body, null, attributes, null,
                            e.function.arn(), ERROR_CODE_TYPE)));
                    default -> "not a queue or topic ARN";
                };
            } catch (RuntimeException ex) {
                failure = ex.getClass().getSimpleName() + ": " + ex.getMessage();
            }
        }
        if (failure != null) {
            metrics.count(e.function, "DeadLetterErrors");
            String why = failure;
            LOG.warning(() -> "event " + e.requestId + " could not be sent to the dead-letter queue " + arn + ": "
                    + why);
        }
    }

    /**
     * Lambda sends records and dead letters as the function's execution role, which must allow
     * {@code sqs:SendMessage}, {@code sns:Publish}, {@code events:PutEvents} or {@code lambda:InvokeFunction} on the
     * target (its identity policies, or the target's own policy naming the role, as IAM evaluates a same-account
     * request); in {@code enforce} mode a refusal is a failed delivery, counted as AWS counts it
     * (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html#destinations-permissions,
     * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html#invocation-dlq).
     *
     * @return null when allowed, else the reason it is denied
     */
    private String deniedToExecutionRole(LambdaFunction function, String targetArn) {
        ArnTargets.Target target = ArnTargets.parse(targetArn);
        String action = target == null ? null : switch (target.kind()) {
            case QUEUE -> "sqs:SendMessage";
            case TOPIC -> "sns:Publish";
            case EVENT_BUS -> "events:PutEvents";
            case FUNCTION -> "lambda:InvokeFunction";
            default -> null;
        };
        if (action == null) {
            return null; // not a destination: send() says so
        }
        CallerIdentity role = function.revision().credentials().identity();
        return authorization.permits(role, action, targetArn, ORIGIN) ? null
                : "the execution role " + role.arn() + " is not authorized to perform: " + action + " on resource: "
                + targetArn;
    }

    private static String refusal(Delivery d) {
        return d == null ? "no answer" : d.accepted() ? null : d.errorCode() + ": " + d.errorMessage();
    }

    private static JsonNode json(byte[] payload) {
        if (payload == null) {
            return Json.object().nullNode();
        }
        try {
            return Json.parse(payload);
        } catch (IOException notJson) {
            return Json.object().textNode(new String(payload, StandardCharsets.UTF_8));
        }
    }

}
