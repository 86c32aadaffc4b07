package io.selfheal.emulator.messages;

/**
 * SQS tells whoever polls a queue (Lambda's event source mappings) that messages arrived in it: sent, or moved in by
 * a redrive policy. Pollers receive on it instead of polling on a timer, as a long poll would return at once.
 *
 * @param queueArn {@code arn:aws:sqs:<region>:<account>:<name>}
 */
public record QueueMessagesArrived(String queueArn) {
}
