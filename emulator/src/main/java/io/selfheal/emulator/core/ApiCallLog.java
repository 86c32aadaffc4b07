package io.selfheal.emulator.core;

import java.util.List;
import java.util.function.Predicate;

/**
 * The API calls the emulator answered, in arrival order, bounded by {@link Retention#CALLS}: past the bound the
 * oldest calls go, and {@link #dropped()} says how many (the control API reports it, so a check reading a truncated
 * log can say so).
 */
public final class ApiCallLog {
    private final BoundedHistory<ApiCall> calls;

    /** A log with the default bounds, reported nowhere (tests). */
    public ApiCallLog() {
        this(Retention.defaults());
    }

    public ApiCallLog(Retention retention) {
        calls = retention.history(Retention.CALLS, ApiCallLog::estimatedBytes);
    }

    /** The record's fields and its parameters tree. */
    static long estimatedBytes(ApiCall call) {
        return 200 + call.requestId().length() + call.callerArn().length() + Json.estimatedBytes(call.parameters());
    }

    public void record(ApiCall call) {
        calls.add(call);
    }

    public List<ApiCall> all() {
        return calls.all();
    }

    public List<ApiCall> matching(Predicate<ApiCall> filter) {
        return calls.matching(filter);
    }

    /** Calls forgotten to stay within the bounds since the start or the last {@link #clear()}. */
    public long dropped() {
        return calls.dropped();
    }

    public Retention.Usage usage() {
        return calls.usage();
    }

    public void clear() {
        calls.clear();
    }
}
