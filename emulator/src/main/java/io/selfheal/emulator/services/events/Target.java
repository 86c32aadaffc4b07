package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;

/**
 * A rule's target. At most one of {@code input}, {@code inputPath} and {@code inputTransformer} is set; with none the
 * target receives the whole event.
 *
 * @param id               unique within the rule
 * @param arn              the target resource (see {@link TargetKinds})
 * @param roleArn          the role EventBridge assumes for API destination and event bus targets; kept, not checked
 * @param input            constant JSON text sent instead of the event
 * @param inputPath        the part of the event to send
 * @param inputTransformer variables and template to build the input from
 * @param messageGroupId   SqsParameters.MessageGroupId, for FIFO queues
 * @param http             HttpParameters, for API destinations
 * @param retryPolicy      RetryPolicy as given, or null
 * @param deadLetterArn    DeadLetterConfig.Arn: the SQS queue that receives events whose delivery failed, or null
 */
record Target(String id, String arn, String roleArn, String input, JsonPath inputPath,
              InputTransformer inputTransformer, String messageGroupId, HttpParameters http, RetryPolicy retryPolicy,
              String deadLetterArn) {

    /**
     * RetryPolicy: both members optional.
     *
     * @param maximumRetryAttempts     0 to 185, or null
     * @param maximumEventAgeInSeconds 60 to 86400, or null
     */
    record RetryPolicy(Integer maximumRetryAttempts, Integer maximumEventAgeInSeconds) {
        ObjectNode toJson() {
            ObjectNode node = Json.object();
            if (maximumRetryAttempts != null) {
                node.put("MaximumRetryAttempts", maximumRetryAttempts);
            }
            if (maximumEventAgeInSeconds != null) {
                node.put("MaximumEventAgeInSeconds", maximumEventAgeInSeconds);
            }
            return node;
        }
    }

    /** A Lambda target with only an id and ARN: what most tests need. */
    static Target of(String id, String arn) {
        return new Target(id, arn, null, null, null, null, null, null, null, null);
    }

    /** As ListTargetsByRule shows it. */
    ObjectNode toJson() {
        ObjectNode node = Json.object().put("Id", id).put("Arn", arn);
        if (roleArn != null) {
            node.put("RoleArn", roleArn);
        }
        if (input != null) {
            node.put("Input", input);
        }
        if (inputPath != null) {
            node.put("InputPath", inputPath.toString());
        }
        if (inputTransformer != null) {
            node.set("InputTransformer", inputTransformer.toJson());
        }
        if (messageGroupId != null) {
            node.putObject("SqsParameters").put("MessageGroupId", messageGroupId);
        }
        if (http != null) {
            node.set("HttpParameters", http.toJson());
        }
        if (deadLetterArn != null) {
            node.putObject("DeadLetterConfig").put("Arn", deadLetterArn);
        }
        if (retryPolicy != null) {
            node.set("RetryPolicy", retryPolicy.toJson());
        }
        return node;
    }

    /** What this target receives for {@code event} matched by the rule in {@code context}. */
    String inputFor(ObjectNode event, InputTransformer.Context context) {
        if (input != null) {
            return input;
        }
        if (inputPath != null) {
            var selected = inputPath.evaluate(event);
            return selected == null ? "null" : Json.write(selected);
        }
        if (inputTransformer != null) {
            return inputTransformer.apply(event, context);
        }
        return Json.write(event);
    }

    /** AWS's default RetryPolicy: "retries sending the event for 24 hours and up to 185 times". */
    static final int DEFAULT_RETRY_ATTEMPTS = 185;
    static final int DEFAULT_EVENT_AGE_SECONDS = 86_400;

    /** RetryPolicy.MaximumRetryAttempts: retries after a first attempt that failed retriably (185 by default). */
    int maximumRetryAttempts() {
        return retryPolicy == null || retryPolicy.maximumRetryAttempts() == null ? DEFAULT_RETRY_ATTEMPTS
                : retryPolicy.maximumRetryAttempts();
    }

    /** RetryPolicy.MaximumEventAgeInSeconds: how long after reaching the bus an event is retried (24 h by default). */
    java.time.Duration maximumEventAge() {
        return java.time.Duration.ofSeconds(retryPolicy == null || retryPolicy.maximumEventAgeInSeconds() == null
                ? DEFAULT_EVENT_AGE_SECONDS : retryPolicy.maximumEventAgeInSeconds());
    }
}
