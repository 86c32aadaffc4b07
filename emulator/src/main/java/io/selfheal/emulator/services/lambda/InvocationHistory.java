package io.selfheal.emulator.services.lambda;

import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.control.LambdaControl;
import io.selfheal.emulator.services.lambda.runtime.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import io.selfheal.emulator.core.BoundedHistory;
import io.selfheal.emulator.core.Retention;
import java.util.List;

/**
 * Lambda's control component: every invocation, synchronous or not, in the order they were accepted, bounded by
 * {@link Retention#INVOCATIONS} (the oldest go first).
 */
final class InvocationHistory implements LambdaControl {

    /** One invocation, finished or not. */
    static final class Entry {
        private final String requestId;
        private final String functionName;
        private final String functionArn;
        private final String type;
        private final String invokedBy;
        private final Instant started;
        private final String payload;
        private volatile InvocationResult result;
        private volatile Instant finished;

        private Entry(String requestId, LambdaFunction function, String type, String invokedBy, Instant started,
                      byte[] payload) {
            this.requestId = requestId;
            this.functionName = function.name();
            this.functionArn = function.arn();
            this.type = type;
            this.invokedBy = invokedBy;
            this.started = started;
            this.payload = new String(payload, StandardCharsets.UTF_8);
        }

        void finish(InvocationResult outcome, Instant at) {
            result = outcome;
            finished = at;
        }

        FunctionInvocation snapshot() {
            InvocationResult r = result;
            Instant end = finished;
            if (r == null || end == null) {
                return new FunctionInvocation(requestId, functionName, functionArn, type, invokedBy, started, null,
                        payload, null, null, null, null);
            }
            return new FunctionInvocation(requestId, functionName, functionArn, type, invokedBy, started, end,
                    payload, r.payloadText(), r.errorType(), r.errorMessage(), r.logs());
        }
    }

    private final BoundedHistory<Entry> entries;

    InvocationHistory(Retention retention) {
        // The result and logs arrive later: the payload counts three times, for them.
        entries = retention.history(Retention.INVOCATIONS, e -> 300 + 3L * e.payload.length());
    }

    Entry begin(String requestId, LambdaFunction function, String type, String invokedBy,
                Instant started, byte[] payload) {
        Entry entry = new Entry(requestId, function, type, invokedBy, started, payload);
        entries.add(entry);
        return entry;
    }

    @Override
    public List<FunctionInvocation> invocations() {
        return entries.all().stream().map(Entry::snapshot).toList();
    }

    void clear() {
        entries.clear();
    }
}
