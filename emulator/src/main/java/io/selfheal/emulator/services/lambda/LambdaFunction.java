package io.selfheal.emulator.services.lambda;

import io.selfheal.emulator.services.lambda.runtime.SandboxPool;
import java.util.Map;
import java.util.function.Function;

/** One function ({@code $LATEST}): its current revision, resource policy, tags and, once invoked, its sandboxes. */
final class LambdaFunction {
    private final String accountId;
    private final String region;
    private final String name;
    private final String arn;
    private final Map<String, String> tags;
    private final ResourcePolicy policy = new ResourcePolicy();
    private volatile FunctionRevision revision;
    private SandboxPool pool;
    private boolean deleted;
    private volatile EventInvokeConfig eventInvokeConfig;
    /** Reserved concurrency (PutFunctionConcurrency); null = the account's unreserved pool. */
    private volatile Integer reservedConcurrency;
    /** Invocations running now, sync and async; guarded by {@link ConcurrencyLimits}. */
    int inFlight;

    LambdaFunction(String accountId, String region, String name, FunctionRevision revision, Map<String, String> tags) {
        this.accountId = accountId;
        this.region = region;
        this.name = name;
        this.arn = FunctionRef.arn(region, accountId, name);
        this.revision = revision;
        this.tags = Map.copyOf(tags);
    }

    String accountId() {
        return accountId;
    }

    String region() {
        return region;
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    Map<String, String> tags() {
        return tags;
    }

    /** PutFunctionEventInvokeConfig's settings, or null when none were put. */
    EventInvokeConfig eventInvokeConfig() {
        return eventInvokeConfig;
    }

    void eventInvokeConfig(EventInvokeConfig config) {
        this.eventInvokeConfig = config;
    }

    Integer reservedConcurrency() {
        return reservedConcurrency;
    }

    void reservedConcurrency(Integer reserved) {
        this.reservedConcurrency = reserved;
    }

    ResourcePolicy policy() {
        return policy;
    }

    FunctionRevision revision() {
        return revision;
    }

    /** The sandboxes of the current revision, created on first use; null once the function is deleted. */
    synchronized SandboxPool pool(Function<LambdaFunction, SandboxPool> factory) {
        if (deleted) {
            return null;
        }
        if (pool == null) {
            pool = factory.apply(this);
        }
        return pool;
    }

    /** The sandboxes if any were started, without starting any. */
    synchronized SandboxPool existingPool() {
        return pool;
    }

    /**
     * Makes {@code next} current.
     *
     * @return the previous revision's sandboxes, for the caller to close (outside this lock: closing waits), or null
     */
    synchronized SandboxPool replace(FunctionRevision next) {
        revision = next;
        SandboxPool old = pool;
        pool = null;
        return old;
    }

    /** A policy change: a new RevisionId, same sandboxes. */
    synchronized void touch(String revisionId) {
        FunctionRevision r = revision;
        revision = new FunctionRevision(r.config(), r.code(), r.credentials(), r.lastModified(), revisionId);
    }

    /** Marks the function deleted and detaches its sandboxes; the caller closes them. */
    synchronized SandboxPool delete() {
        deleted = true;
        SandboxPool old = pool;
        pool = null;
        return old;
    }
}
