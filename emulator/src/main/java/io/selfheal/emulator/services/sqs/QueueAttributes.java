package io.selfheal.emulator.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The settable attributes of a queue with AWS's defaults and limits (CreateQueue / SetQueueAttributes in the Amazon
 * SQS API Reference). Values are kept as the strings AWS returns.
 */
final class QueueAttributes {
    private record Range(long min, long max) {
    }

    private static final Map<String, Range> NUMERIC = Map.of(
            "DelaySeconds", new Range(0, 900),
            "MaximumMessageSize", new Range(1024, 1048576),
            "MessageRetentionPeriod", new Range(60, 1209600),
            "ReceiveMessageWaitTimeSeconds", new Range(0, 20),
            "VisibilityTimeout", new Range(0, 43200),
            "KmsDataKeyReusePeriodSeconds", new Range(60, 86400));
    private static final Set<String> FREE_FORM = Set.of("Policy", "RedrivePolicy", "RedriveAllowPolicy",
            "KmsMasterKeyId");
    private static final Set<String> BOOLEAN = Set.of("SqsManagedSseEnabled", "ContentBasedDeduplication",
            "FifoQueue");
    private static final Set<String> FIFO_ONLY = Set.of("ContentBasedDeduplication", "DeduplicationScope",
            "FifoThroughputLimit");
    /** Attributes AWS computes; GetQueueAttributes accepts them, Create/SetQueueAttributes do not. */
    static final Set<String> READ_ONLY = Set.of("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesDelayed",
            "ApproximateNumberOfMessagesNotVisible", "CreatedTimestamp", "LastModifiedTimestamp", "QueueArn");

    private QueueAttributes() {
    }

    /** The attributes of a new queue: AWS's defaults overlaid with the requested values. */
    static Map<String, String> defaults(boolean fifo) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("DelaySeconds", "0");
        a.put("MaximumMessageSize", "262144");
        a.put("MessageRetentionPeriod", "345600");
        a.put("ReceiveMessageWaitTimeSeconds", "0");
        a.put("VisibilityTimeout", "30");
        a.put("SqsManagedSseEnabled", "true");
        if (fifo) {
            a.put("FifoQueue", "true");
            a.put("ContentBasedDeduplication", "false");
            a.put("DeduplicationScope", "queue");
            a.put("FifoThroughputLimit", "perQueue");
        }
        return a;
    }

    /** Checks one requested attribute; returns its canonical string value. */
    static String validate(String name, JsonNode raw, boolean fifo, boolean creating) {
        String value = raw == null || raw.isNull() ? "" : raw.asText();
        if (READ_ONLY.contains(name)) {
            throw SqsErrors.invalidAttributeName(name);
        }
        if (FIFO_ONLY.contains(name) && !fifo) {
            throw SqsErrors.invalidAttributeName(name);
        }
        Range range = NUMERIC.get(name);
        if (range != null) {
            long n;
            try {
                n = Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw SqsErrors.invalidAttributeValue(name);
            }
            if (n < range.min() || n > range.max()) {
                throw SqsErrors.invalidAttributeValue(name);
            }
            return Long.toString(n);
        }
        if (BOOLEAN.contains(name)) {
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw SqsErrors.invalidAttributeValue(name);
            }
            if (name.equals("FifoQueue") && (!creating || Boolean.parseBoolean(value) != fifo)) {
                throw SqsErrors.invalidAttributeValue(name);
            }
            return value.toLowerCase();
        }
        if (name.equals("DeduplicationScope")) {
            if (!value.equals("queue") && !value.equals("messageGroup")) {
                throw SqsErrors.invalidAttributeValue(name);
            }
            return value;
        }
        if (name.equals("FifoThroughputLimit")) {
            if (!value.equals("perQueue") && !value.equals("perMessageGroupId")) {
                throw SqsErrors.invalidAttributeValue(name);
            }
            return value;
        }
        if (FREE_FORM.contains(name)) {
            if (!name.equals("KmsMasterKeyId") && !value.isEmpty()) {
                requireJson(name, value);
            }
            return value;
        }
        throw SqsErrors.invalidAttributeName(name);
    }

    private static void requireJson(String name, String value) {
        try {
            if (!Json.parse(value).isObject()) {
                throw SqsErrors.invalidAttributeValue(name);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw SqsErrors.invalidAttributeValue(name);
        }
    }
}
