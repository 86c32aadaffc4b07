package io.selfheal.emulator.messages;

import io.selfheal.emulator.core.BusRequest;

/**
 * Another service asks SQS about a queue it is about to poll (Lambda checks an event source mapping's queue when it
 * is created). Ask with {@code bus.ask(new DescribeQueue(arn))}.
 *
 * @param queueArn {@code arn:aws:sqs:<region>:<account>:<name>}
 */
public record DescribeQueue(String queueArn) implements BusRequest<DescribeQueue.Result> {

    /**
     * SQS's answer.
     *
     * @param found             false when no such queue exists
     * @param fifo              a FIFO queue
     * @param visibilityTimeout the queue's VisibilityTimeout in seconds
     */
    public record Result(boolean found, boolean fifo, int visibilityTimeout) {
        public static Result notFound() {
            return new Result(false, false, 0);
        }
    }
}
