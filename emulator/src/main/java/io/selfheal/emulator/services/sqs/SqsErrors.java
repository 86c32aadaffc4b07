package io.selfheal.emulator.services.sqs;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.service.Params;

/**
 * SQS's errors: the query code that both protocols report, and for modelled errors the JSON shape name that picks
 * the SDK's exception class ("Using the JSON protocol in Amazon SQS APIs").
 */
final class SqsErrors {
    /** SQS words missing and invalid parameters as {@code MissingParameter} and {@code InvalidParameterValue}. */
    static final Params.Errors PARAMS = new Params.Errors() {
        @Override
        public AwsException missing(String name) {
            return missingParameter(name);
        }

        @Override
        public AwsException invalid(String name, String value, String constraint) {
            return invalidParameter(name, value, constraint);
        }
    };

    private SqsErrors() {
    }

    static AwsException nonExistentQueue() {
        return new AwsException("AWS.SimpleQueueService.NonExistentQueue", "The specified queue does not exist.", 400)
                .withJsonType("QueueDoesNotExist");
    }

    static AwsException queueNameExists(String attribute) {
        return new AwsException("QueueAlreadyExists", "A queue already exists with the same name and a different"
                + " value for attribute " + attribute, 400).withJsonType("QueueNameExists");
    }

    static AwsException missingParameter(String name) {
        return new AwsException("MissingParameter", "The request must contain the parameter " + name + ".", 400);
    }

    static AwsException invalidParameter(String name, String value, String reason) {
        return new AwsException("InvalidParameterValue",
                "Value " + value + " for parameter " + name + " is invalid. Reason: " + reason, 400);
    }

    static AwsException invalidParameter(String message) {
        return new AwsException("InvalidParameterValue", message, 400);
    }

    static AwsException invalidAttributeName(String name) {
        return new AwsException("InvalidAttributeName", "Unknown Attribute " + name + ".", 400)
                .withJsonType("InvalidAttributeName");
    }

    static AwsException invalidAttributeValue(String name) {
        return new AwsException("InvalidAttributeValue", "Invalid value for the parameter " + name + ".", 400)
                .withJsonType("InvalidAttributeValue");
    }

    static AwsException receiptHandleIsInvalid(String handle) {
        return new AwsException("ReceiptHandleIsInvalid",
                "The input receipt handle \"" + handle + "\" is not a valid receipt handle.", 400)
                .withJsonType("ReceiptHandleIsInvalid");
    }

    static AwsException messageNotInflight() {
        return new AwsException("AWS.SimpleQueueService.MessageNotInflight",
                "Message does not exist or is not available for visibility timeout change.", 400)
                .withJsonType("MessageNotInflight");
    }

    static AwsException purgeInProgress(String queueName) {
        return new AwsException("AWS.SimpleQueueService.PurgeQueueInProgress",
                "Only one PurgeQueue operation on " + queueName + " is allowed every 60 seconds.", 403)
                .withJsonType("PurgeQueueInProgress");
    }

    static AwsException invalidMessageContents() {
        return new AwsException("InvalidMessageContents",
                "Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF |"
                        + " #xE000 to #xFFFD | #x10000 to #x10FFFF", 400).withJsonType("InvalidMessageContents");
    }

    static AwsException emptyBatch(String entryName) {
        return new AwsException("AWS.SimpleQueueService.EmptyBatchRequest",
                "There should be at least one " + entryName + " in the request.", 400)
                .withJsonType("EmptyBatchRequest");
    }

    static AwsException tooManyEntries(int count) {
        return new AwsException("AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
                "Maximum number of entries per request are 10. You have sent " + count + ".", 400)
                .withJsonType("TooManyEntriesInBatchRequest");
    }

    static AwsException idsNotDistinct(String id) {
        return new AwsException("AWS.SimpleQueueService.BatchEntryIdsNotDistinct",
                "Id " + id + " repeated.", 400).withJsonType("BatchEntryIdsNotDistinct");
    }

    static AwsException invalidBatchEntryId() {
        return new AwsException("AWS.SimpleQueueService.InvalidBatchEntryId",
                "A batch entry id can only contain alphanumeric characters, hyphens and underscores. "
                        + "It can be at most 80 letters long.", 400).withJsonType("InvalidBatchEntryId");
    }

    static AwsException batchTooLong(int bytes, int limit) {
        return new AwsException("AWS.SimpleQueueService.BatchRequestTooLong", "Batch requests cannot be longer than "
                + limit + " bytes. You have sent " + bytes + " bytes.", 400).withJsonType("BatchRequestTooLong");
    }
}
