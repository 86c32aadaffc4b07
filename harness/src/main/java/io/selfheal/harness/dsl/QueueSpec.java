package io.selfheal.harness.dsl;

import io.selfheal.harness.stack.QueueKind;
import java.util.Map;

/**
 * An SQS queue of the stack ({@code stack.queues.<key>}): named by its key ({@code .fifo} added for a FIFO queue)
 * unless named; a name ending in {@code .fifo} makes it FIFO. {@link #deadLetter} becomes the RedrivePolicy
 * (maxReceiveCount default 3).
 */
public final class QueueSpec extends Spec<QueueSpec> {
    private String name;
    private Boolean fifo;
    private Map<String, String> attributes = Map.of();
    private String deadLetter;
    private Integer maxReceiveCount;

    QueueSpec() {
    }

    public QueueSpec name(String name) {
        return with(s -> s.name = name);
    }

    public QueueSpec fifo() {
        return with(s -> s.fifo = true);
    }

    /** An SQS attribute by SQS's own name ({@code VisibilityTimeout}). */
    public QueueSpec attribute(String name, String value) {
        return with(s -> s.attributes = plus(s.attributes, name, value));
    }

    /** The stack's queue under {@code key} receives messages received more than maxReceiveCount times. */
    public QueueSpec deadLetter(String key) {
        return with(s -> s.deadLetter = key);
    }

    public QueueSpec maxReceiveCount(int count) {
        return with(s -> s.maxReceiveCount = count);
    }

    QueueKind.Queue build(String key, Checks checks) {
        String dlq = deadLetter == null ? null : checks.stackKey("deadLetter", "queues", deadLetter);
        return QueueKind.queue(key, fifo, name, attributes, dlq, deadLetter != null, maxReceiveCount, checks);
    }
}
