package io.selfheal.emulator.services.lambda;

import io.selfheal.emulator.core.AwsException;
import java.util.HashMap;
import java.util.Map;

/**
 * Lambda's concurrency as AWS counts it: a function with reserved concurrency runs at most that many invocations at
 * once (0 throttles everything); the others share what the account's limit leaves unreserved. An invocation beyond
 * either is throttled ({@code TooManyRequestsException}, 429).
 * https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html
 */
final class ConcurrencyLimits {
    /** AWS's default concurrent executions per account and region. */
    static final int ACCOUNT_LIMIT = 1000;
    /** What reserving may never take from the unreserved pool. */
    static final int MIN_UNRESERVED = 100;
    /** The words of AWS's throttle. */
    static final String THROTTLED_MESSAGE = "Rate Exceeded.";

    private final FunctionRegistry functions;
    /** Unreserved invocations running now, by account and region. */
    private final Map<String, Integer> unreservedInFlight = new HashMap<>();

    ConcurrencyLimits(FunctionRegistry functions) {
        this.functions = functions;
    }

    /**
     * Takes a slot for one invocation, or refuses it as AWS does.
     *
     * @return the function's invocations running now, this one included (its ConcurrentExecutions)
     */
    synchronized int acquire(LambdaFunction f) {
        Integer reserved = f.reservedConcurrency();
        if (reserved != null) {
            if (f.inFlight >= reserved) {
                throw throttled("ReservedFunctionConcurrentInvocationLimitExceeded");
            }
        } else {
            String key = key(f);
            int running = unreservedInFlight.getOrDefault(key, 0);
            if (running >= ACCOUNT_LIMIT - reservedTotal(f.accountId(), f.region(), null)) {
                throw throttled("ConcurrentInvocationLimitExceeded");
            }
            unreservedInFlight.put(key, running + 1);
        }
        return ++f.inFlight;
    }

    /** Gives back the slot of an invocation that ended. */
    synchronized void release(LambdaFunction f) {
        f.inFlight--;
        if (f.reservedConcurrency() == null) {
            unreservedInFlight.merge(key(f), -1, Integer::sum);
        }
    }

    /**
     * Sets or (null) removes a function's reservation, refusing one that leaves the account less than
     * {@link #MIN_UNRESERVED} unreserved. Invocations running now keep the slot they hold in the pool they took it
     * from.
     */
    synchronized void reserve(LambdaFunction f, Integer reserved) {
        if (reserved != null
                && ACCOUNT_LIMIT - reservedTotal(f.accountId(), f.region(), f) - reserved < MIN_UNRESERVED) {
            throw LambdaErrors.invalidParameter("Specified ReservedConcurrentExecutions for function decreases "
                    + "account's UnreservedConcurrentExecution below its minimum value of [" + MIN_UNRESERVED + "].");
        }
        boolean wasReserved = f.reservedConcurrency() != null;
        if (wasReserved != (reserved != null) && f.inFlight > 0) {
            // move the running invocations' slots with the function, so release() finds them where it looks
            unreservedInFlight.merge(key(f), reserved != null ? -f.inFlight : f.inFlight, Integer::sum);
        }
        f.reservedConcurrency(reserved);
    }

    synchronized void clear() {
        unreservedInFlight.clear();
    }

    static AwsException throttled(String reason) {
        return new AwsException("TooManyRequestsException", THROTTLED_MESSAGE, 429).withField("Reason", reason);
    }

    private int reservedTotal(String accountId, String region, LambdaFunction except) {
        int total = 0;
        for (LambdaFunction other : functions.list(accountId, region)) {
            Integer r = other.reservedConcurrency();
            if (r != null && other != except) {
                total += r;
            }
        }
        return total;
    }

    private static String key(LambdaFunction f) {
        return f.accountId() + "/" + f.region();
    }
}
