package io.selfheal.harness.backend;

import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.core.ApiCall;
import io.selfheal.harness.backend.observe.Observation;
import java.util.List;

/**
 * The observation of a cloud with no call log and no other source yet: nothing is seen. Outcomes that read these
 * declare CALL_LOG, INVOCATION_LOG or EVENT_LOG and are skipped on such a cloud; reports show empty lanes.
 */
enum Unobserved implements Observation {
    INSTANCE;

    @Override
    public List<ApiCall> calls() {
        return List.of();
    }

    @Override
    public List<FunctionInvocation> invocations(String functionName) {
        return List.of();
    }

    @Override
    public List<EventRecord> events() {
        return List.of();
    }

    @Override
    public String source() {
        return "nothing (no call log on this cloud)";
    }
}
