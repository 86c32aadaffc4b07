package io.selfheal.harness.backend.observe;

import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.core.ApiCall;
import java.util.List;

/**
 * Where a cloud's outcomes are read from: the AWS API calls it answered, a function's invocations and the events on
 * its buses. The emulator reads its own logs; a backend without them reads what AWS offers (CloudTrail, Logs,
 * metrics, a catch-all rule) and says so in {@link #source()}.
 */
public interface Observation {
    /** Every AWS API call the cloud answered, in order. */
    List<ApiCall> calls();

    /** Every invocation of the named function, in start order. */
    List<FunctionInvocation> invocations(String functionName);

    /** Every event that reached an event bus, with its deliveries. */
    List<EventRecord> events();

    /** What the reads come from, for reports: "the emulator's call log". */
    String source();
}
