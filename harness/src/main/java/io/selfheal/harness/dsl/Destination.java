package io.selfheal.harness.dsl;

import io.selfheal.harness.stack.FunctionAsync;
import io.selfheal.harness.stack.FunctionKind;
import io.selfheal.harness.stack.QueueKind;
import io.selfheal.harness.stack.TopicKind;

/**
 * Where Lambda sends a function's failed or finished asynchronous events: a stack queue, topic or (for
 * destinations only) function — {@code Destination.queue("dlq")}, as {@code {queue: dlq}} in a file.
 */
public record Destination(String kind, String key) {

    public static Destination queue(String key) {
        return new Destination(QueueKind.KEY, key);
    }

    public static Destination topic(String key) {
        return new Destination(TopicKind.KEY, key);
    }

    public static Destination function(String key) {
        return new Destination(FunctionKind.KEY, key);
    }

    /** The model's reference, its key checked against the stack; null after a problem. */
    FunctionAsync.Ref build(Checks checks, boolean functions) {
        if (kind.equals(FunctionKind.KEY) && !functions) {
            checks.problem("give one of queue or topic");
            return null;
        }
        String checked = checks.stackKey(singular(), kind, key);
        return checked == null ? null : new FunctionAsync.Ref(kind, checked);
    }

    private String singular() {
        return kind.substring(0, kind.length() - 1);
    }
}
