package io.selfheal.harness.engine;

import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.core.ApiCall;
import io.selfheal.harness.backend.Cloud;
import io.selfheal.harness.scenario.Scenario;
import java.time.Instant;
import java.util.List;

/**
 * The account of a run that a failure message carries: the events that reached the bus and where they went, the
 * function invocations with their errors and last log lines, and the mutating API calls.
 */
final class WhatHappened {
    private static final int LOG_TAIL = 1200;

    private WhatHappened() {
    }

    static String since(Instant start, Cloud cloud, Scenario scenario, StackState state) {
        StringBuilder out = new StringBuilder("\nWhat happened after the fault:");
        List<EventRecord> events = cloud.events().stream().filter(e -> !e.received().isBefore(start)).toList();
        out.append("\n  events on the bus: ").append(events.isEmpty() ? "none" : events.size());
        for (EventRecord e : events) {
            out.append("\n    ").append(e.event().path("source").asText()).append(" / ")
                    .append(e.event().path("detail-type").asText()).append(" id=").append(e.eventId())
                    .append(e.deliveries().isEmpty() ? " — matched no rule" : "");
            for (EventRecord.TargetDelivery d : e.deliveries()) {
                out.append("\n      → rule ").append(d.ruleArn()).append(" target ").append(d.targetId())
                        .append(d.delivered() ? " delivered" : " FAILED " + d.errorCode() + ": " + d.errorMessage());
            }
        }
        for (String key : scenario.stack().functions().keySet()) {
            String name = state.functionName(key);
            List<FunctionInvocation> invocations = cloud.invocations(name);
            out.append("\n  function ").append(name).append(": ").append(invocations.size()).append(" invocation(s)");
            for (FunctionInvocation i : invocations) {
                out.append("\n    ").append(i.requestId()).append(' ')
                        .append(i.finished() == null ? "still running" : i.errorType() == null ? "ok"
                                : "ERROR " + i.errorType() + ": " + i.errorMessage());
                if (i.errorType() != null && i.logs() != null) {
                    String logs = i.logs();
                    out.append("\n      log: ").append(logs.length() > LOG_TAIL
                            ? "…" + logs.substring(logs.length() - LOG_TAIL) : logs).append('\n');
                }
            }
        }
        List<ApiCall> mutating = cloud.calls().stream()
                .filter(c -> !c.time().isBefore(start) && !c.readOnly()).toList();
        out.append("\n  mutating API calls: ").append(mutating.isEmpty() ? "none" : mutating.size());
        for (ApiCall c : mutating) {
            out.append("\n    ").append(c.service()).append(' ').append(c.operation()).append(" by ")
                    .append(c.callerArn()).append(" → ").append(c.errorCode() == null ? c.status() : c.errorCode());
        }
        return out.toString();
    }
}
