package io.selfheal.harness.backend;

import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.core.ApiCall;
import io.selfheal.harness.backend.observe.Observation;
import java.util.List;

/** Observation through a cloud's own records: the emulator's call log, invocation log and event log. */
final class EmulatorLogs implements Observation {
    static final String SOURCE = "the emulator's logs";

    private final Cloud cloud;

    EmulatorLogs(Cloud cloud) {
        this.cloud = cloud;
    }

    @Override
    public List<ApiCall> calls() {
        return cloud.calls();
    }

    @Override
    public List<FunctionInvocation> invocations(String functionName) {
        return cloud.invocations(functionName);
    }

    @Override
    public List<EventRecord> events() {
        return cloud.events();
    }

    @Override
    public String source() {
        return SOURCE;
    }
}
