package io.selfheal.harness.expect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.harness.stack.FunctionAsync;
import io.selfheal.harness.stack.FunctionKind;
import io.selfheal.harness.stack.QueueKind;
import io.selfheal.harness.stack.TopicKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * What Lambda wrote about a stack function's asynchronous events, read as a team would: its dead letters (the
 * original event with the {@code RequestID}, {@code ErrorCode} and {@code ErrorMessage} message attributes) and its
 * destinations' invocation records. A queue is peeked with ReceiveMessage and a visibility timeout of 0; a topic is
 * read through the stack queues subscribed to it (SNS puts the attributes on the queue message when delivery is raw,
 * in the envelope's {@code MessageAttributes} otherwise); a function destination through that function's
 * invocations. https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
 */
public final class AsyncLetters {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** ReceiveMessage rounds per queue: enough for a scenario's letters, bounded for a queue that never settles. */
    private static final int MAX_ROUNDS = 20;

    /** One message in a dead-letter queue. */
    public record DeadLetter(String requestId, String errorCode, String errorMessage, String body) {
    }

    private AsyncLetters() {
    }

    /** Where the function sends dead letters, for reports ("queue dlq"), or null when it has none. */
    public static String deadLetterTarget(ProbeContext run, String function) {
        FunctionAsync.Ref ref = async(run, function).deadLetter();
        return ref == null ? null : describe(ref);
    }

    /** Where the function sends the records of {@code success} or failed events, or null when nowhere. */
    public static String destinationTarget(ProbeContext run, String function, boolean success) {
        FunctionAsync.Ref ref = destination(run, function, success);
        return ref == null ? null : describe(ref);
    }

    /** The messages in the function's dead-letter queue (or the queues subscribed to its dead-letter topic). */
    public static List<DeadLetter> deadLetters(ProbeContext run, String function) {
        FunctionAsync.Ref ref = async(run, function).deadLetter();
        List<DeadLetter> letters = new ArrayList<>();
        if (ref == null) {
            return letters;
        }
        for (Message m : messages(run, ref)) {
            Map<String, String> attributes = new LinkedHashMap<>();
            m.messageAttributes().forEach((name, value) -> attributes.put(name, text(value)));
            String body = m.body();
            JsonNode envelope = envelope(body);
            if (envelope != null) {
                envelope.path("MessageAttributes").fields().forEachRemaining(f ->
                        attributes.put(f.getKey(), f.getValue().path("Value").asText()));
                body = envelope.path("Message").asText();
            }
            letters.add(new DeadLetter(attributes.get("RequestID"), attributes.get("ErrorCode"),
                    attributes.get("ErrorMessage"), body));
        }
        return letters;
    }

    /**
     * The invocation records of the function's on-success ({@code success}) or on-failure destination that name
     * this function; empty when it has none.
     */
    public static List<JsonNode> records(ProbeContext run, String function, boolean success) {
        FunctionAsync.Ref ref = destination(run, function, success);
        List<JsonNode> records = new ArrayList<>();
        if (ref == null) {
            return records;
        }
        List<String> bodies = new ArrayList<>();
        if (ref.kind().equals(FunctionKind.KEY)) {
            run.cloud().observation().invocations(run.state().functionName(ref.key())).stream()
                    .map(FunctionInvocation::payload).forEach(bodies::add);
        } else {
            for (Message m : messages(run, ref)) {
                JsonNode envelope = envelope(m.body());
                bodies.add(envelope != null ? envelope.path("Message").asText() : m.body());
            }
        }
        String arn = run.state().get(FunctionKind.KEY, function, "arn");
        for (String body : bodies) {
            JsonNode record = parse(body);
            if (record != null && record.path("requestContext").path("functionArn").asText().startsWith(arn)) {
                records.add(record);
            }
        }
        return records;
    }

    private static FunctionAsync async(ProbeContext run, String function) {
        return run.stack().all(FunctionKind.Function.class).get(function).async();
    }

    private static FunctionAsync.Ref destination(ProbeContext run, String function, boolean success) {
        FunctionAsync async = async(run, function);
        return success ? async.onSuccess() : async.onFailure();
    }

    private static String describe(FunctionAsync.Ref ref) {
        return ref.kind().replaceAll("s$", "") + " " + ref.key();
    }

    /** Every message of a queue, or of each stack queue subscribed to a topic. */
    private static List<Message> messages(ProbeContext run, FunctionAsync.Ref ref) {
        List<Message> all = new ArrayList<>();
        if (ref.kind().equals(QueueKind.KEY)) {
            all.addAll(peek(run, ref.key()));
        } else if (ref.kind().equals(TopicKind.KEY)) {
            for (TopicKind.Subscription s : run.stack().all(TopicKind.Topic.class).get(ref.key()).subscriptions()) {
                all.addAll(peek(run, s.queue()));
            }
        }
        return all;
    }

    /** Receives until no new message comes, with a visibility timeout of 0 so the stack's consumers miss nothing. */
    private static List<Message> peek(ProbeContext run, String queue) {
        String url = run.state().get(QueueKind.KEY, queue, "url");
        Map<String, Message> seen = new LinkedHashMap<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Message> batch = run.clients().sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                    .visibilityTimeout(0).waitTimeSeconds(0).messageAttributeNames("All")).messages();
            int before = seen.size();
            batch.forEach(m -> seen.putIfAbsent(m.messageId(), m));
            if (seen.size() == before) {
                break;
            }
        }
        return List.copyOf(seen.values());
    }

    private static String text(MessageAttributeValue value) {
        return value.stringValue();
    }

    /** An SNS notification's JSON envelope, or null when the body is not one (a raw delivery, an SQS send). */
    private static JsonNode envelope(String body) {
        JsonNode node = parse(body);
        return node != null && node.path("Type").asText().equals("Notification") && node.has("Message") ? node
                : null;
    }

    private static JsonNode parse(String body) {
        try {
            return body == null ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }
}
