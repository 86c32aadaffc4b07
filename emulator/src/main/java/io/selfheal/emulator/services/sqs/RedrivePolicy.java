package io.selfheal.emulator.services.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.Json;

/**
 * A queue's RedrivePolicy attribute: {@code {"deadLetterTargetArn": …, "maxReceiveCount": 5}}
 * ("Using dead-letter queues in Amazon SQS"). maxReceiveCount may be a number or a numeric string.
 */
record RedrivePolicy(String deadLetterTargetArn, int maxReceiveCount) {

    /** The queue's policy, or null when it has none. */
    static RedrivePolicy of(String attribute) {
        if (attribute == null || attribute.isEmpty()) {
            return null;
        }
        JsonNode json;
        try {
            json = Json.parse(attribute);
        } catch (JsonProcessingException e) {
            throw invalid(attribute, "Redrive policy is not a valid JSON map.");
        }
        String target = json.path("deadLetterTargetArn").asText("");
        if (target.isEmpty()) {
            throw invalid(attribute, "Redrive policy does not contain mandatory attribute: deadLetterTargetArn.");
        }
        JsonNode count = json.get("maxReceiveCount");
        if (count == null) {
            throw invalid(attribute, "Redrive policy does not contain mandatory attribute: maxReceiveCount.");
        }
        int n;
        try {
            n = Integer.parseInt(count.asText().trim());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1 || n > 1000) {
            throw invalid(attribute, "Invalid value for maxReceiveCount: " + count.asText()
                    + ", valid values are from 1 to 1000 both inclusive.");
        }
        return new RedrivePolicy(target, n);
    }

    /** Checks the policy against the queues when it is set: the target must exist and be of the same type. */
    static void validate(String attribute, boolean sourceFifo, SqsQueues queues) {
        RedrivePolicy policy = of(attribute);
        if (policy == null) {
            return;
        }
        SqsQueue target = queues.byArn(policy.deadLetterTargetArn());
        if (target == null) {
            throw invalid(attribute, "Dead letter target does not exist.");
        }
        if (target.fifo != sourceFifo) {
            throw invalid(attribute, "Dead-letter queue must be same type of queue as the source.");
        }
    }

    private static RuntimeException invalid(String value, String reason) {
        return SqsErrors.invalidParameter("RedrivePolicy", value, reason);
    }
}
