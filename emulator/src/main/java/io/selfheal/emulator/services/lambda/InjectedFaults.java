package io.selfheal.emulator.services.lambda;

import io.selfheal.emulator.control.FunctionFaults;
import io.selfheal.emulator.core.EmulatorClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The faults injected into functions (by function ARN), each used up by count or by time on the emulator clock. */
final class InjectedFaults implements FunctionFaults {
    private final FunctionRegistry functions;
    private final EmulatorClock clock;
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();

    /** @param remaining invocations left to affect; negative = unlimited. @param until null = no end in time */
    private record Fault(Mode mode, int remaining, Instant until) {
    }

    InjectedFaults(FunctionRegistry functions, EmulatorClock clock) {
        this.functions = functions;
        this.clock = clock;
    }

    @Override
    public void inject(String accountId, String region, String functionName, Mode mode, int times,
                       Duration forDuration) {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required: throw, timeout, crash or throttle");
        }
        if (times < 0) {
            throw new IllegalArgumentException("times must be 0 (unlimited) or more, not " + times);
        }
        if (forDuration != null && (forDuration.isNegative() || forDuration.isZero())) {
            throw new IllegalArgumentException("the fault's duration must be positive, not " + forDuration);
        }
        LambdaFunction f = functions.find(accountId, region, functionName);
        if (f == null) {
            throw new IllegalArgumentException("no function " + functionName + " in " + accountId + "/" + region);
        }
        faults.put(f.arn(), new Fault(mode, times == 0 ? -1 : times,
                forDuration == null ? null : clock.now().plus(forDuration)));
    }

    @Override
    public void clear(String accountId, String region, String functionName) {
        faults.remove(FunctionRef.arn(region, accountId, functionName));
    }

    @Override
    public void clearAll() {
        faults.clear();
    }

    /** Uses up one invocation's worth of the function's fault: the mode to apply, or null when none applies. */
    Mode take(LambdaFunction function) {
        Mode[] taken = new Mode[1];
        faults.computeIfPresent(function.arn(), (arn, fault) -> {
            if (fault.until() != null && !clock.now().isBefore(fault.until())) {
                return null;
            }
            taken[0] = fault.mode();
            if (fault.remaining() < 0) {
                return fault;
            }
            return fault.remaining() == 1 ? null : new Fault(fault.mode(), fault.remaining() - 1, fault.until());
        });
        return taken[0];
    }
}
