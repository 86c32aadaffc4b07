package io.selfheal.harness.engine;

import io.selfheal.harness.stack.FunctionKind;
import io.selfheal.harness.stack.RuleKind;
import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.core.ApiCall;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The story a failure message carries: the events that were put and which of the stack's rules matched each — for
 * the rules that did not, the nearest miss ({@link NearestMiss}) — then every function invocation with its log tail,
 * the mutating API calls, and the resources' final state.
 */
final class WhatHappened {
    private static final int LOG_TAIL = 800;
    private static final int MAX_EVENTS = 20;

    private WhatHappened() {
    }

    static String since(ScenarioRun run) {
        ScenarioRun.FaultMark mark = run.faultMark();
        StringBuilder out = new StringBuilder("\nWhat happened after the fault:");
        events(mark, run, out);
        invocations(run, out);
        List<ApiCall> calls = run.cloud().observation().calls();
        List<ApiCall> mutating = calls.subList(Math.min(mark.calls(), calls.size()), calls.size()).stream()
                .filter(c -> !c.readOnly()).toList();
        out.append("\n  mutating API calls: ").append(mutating.isEmpty() ? "none" : mutating.size());
        for (ApiCall c : mutating) {
            out.append("\n    ").append(c.service()).append(' ').append(c.operation()).append(" by ")
                    .append(c.callerArn()).append(" → ").append(c.errorCode() == null ? c.status() : c.errorCode());
        }
        out.append("\n  final state:");
        try {
            out.append("\n    instances: ").append(ResourceSnapshot.instances(run))
                    .append("\n    alarms: ").append(ResourceSnapshot.alarms(run));
        } catch (RuntimeException e) {
            out.append(" could not be described: ").append(e.getMessage());
        }
        return out.toString();
    }

    private static void events(ScenarioRun.FaultMark mark, ScenarioRun run, StringBuilder out) {
        List<EventRecord> events = run.cloud().observation().events().stream().filter(e -> !mark.eventIds().contains(e.eventId()))
                .toList();
        // Which rules an event matched only the bus's own record says; a tap sees the events, not their deliveries.
        boolean deliveriesKnown = run.cloud().capabilities().contains(io.selfheal.harness.backend.Capability.EVENT_LOG);
        out.append("\n  events put: ").append(events.isEmpty() ? "none" : events.size())
                .append(deliveriesKnown ? "" : " (read from " + run.cloud().observation().source() + "; deliveries unknown)");
        NearestMiss nearest = new NearestMiss(run.clients().events());
        Map<String, Integer> elsewhere = new TreeMap<>();
        int shown = 0;
        for (EventRecord e : events) {
            List<Map.Entry<RuleKind.Rule, List<NearestMiss.FieldMiss>>> missed =
                    deliveriesKnown ? misses(run, nearest, e) : List.of();
            String source = e.event().path("source").asText();
            boolean unrelated = e.deliveries().isEmpty() && missed.stream().allMatch(m -> m.getValue().stream()
                    .anyMatch(f -> f.path().equals("source")));
            if (unrelated) {
                elsewhere.merge(source + " / " + e.event().path("detail-type").asText(), 1, Integer::sum);
                continue;
            }
            if (++shown > MAX_EVENTS) {
                continue;
            }
            out.append("\n    ").append(source).append(" / ").append(e.event().path("detail-type").asText())
                    .append(" id=").append(e.eventId()).append(" at ").append(e.received())
                    .append(e.deliveries().isEmpty() && deliveriesKnown ? " — matched no rule" : "");
            for (EventRecord.TargetDelivery d : e.deliveries()) {
                out.append("\n      ✓ rule ").append(d.ruleArn()).append(" → target ").append(d.targetId())
                        .append(d.delivered() ? " delivered" : " FAILED " + d.errorCode() + ": " + d.errorMessage());
            }
            boolean first = true;
            for (Map.Entry<RuleKind.Rule, List<NearestMiss.FieldMiss>> m : missed) {
                RuleKind.Rule rule = m.getKey();
                out.append("\n      ✗ ").append(first && !m.getValue().isEmpty() ? "nearest miss: " : "")
                        .append("rule ").append(rule.name()).append(": ").append(rule.enabled() ? "" : "disabled; ")
                        .append(m.getValue().isEmpty() ? "every field matches on its own, but not the pattern as a whole"
                                : String.join("; ", m.getValue().stream().map(Object::toString).toList()));
                first = false;
            }
        }
        if (shown > MAX_EVENTS) {
            out.append("\n    … and ").append(shown - MAX_EVENTS).append(" more");
        }
        if (!elsewhere.isEmpty()) {
            out.append("\n    from sources no rule of the stack listens to: ");
            elsewhere.forEach((k, n) -> out.append(k).append(" ×").append(n).append(", "));
            out.setLength(out.length() - 2);
        }
    }

    /** The stack's rules the event did not reach, with the fields that failed; the nearest miss first. */
    private static List<Map.Entry<RuleKind.Rule, List<NearestMiss.FieldMiss>>> misses(ScenarioRun run,
                                                                                   NearestMiss nearest,
                                                                                   EventRecord e) {
        List<Map.Entry<RuleKind.Rule, List<NearestMiss.FieldMiss>>> missed = new ArrayList<>();
        for (RuleKind.Rule rule : run.scenario().stack().all(RuleKind.Rule.class).values()) {
            String arn = run.state().ruleArn(rule.key());
            if (e.deliveries().stream().noneMatch(d -> d.ruleArn().equals(arn))) {
                missed.add(Map.entry(rule, nearest.misses(run.state().resolve(rule.pattern()), e.event())));
            }
        }
        missed.sort(Comparator.comparingInt(m -> m.getValue().isEmpty() ? Integer.MAX_VALUE : m.getValue().size()));
        return missed;
    }

    private static void invocations(ScenarioRun run, StringBuilder out) {
        for (String key : run.scenario().stack().all(FunctionKind.Function.class).keySet()) {
            String name = run.state().functionName(key);
            List<FunctionInvocation> invocations = run.cloud().observation().invocations(name);
            out.append("\n  function ").append(name).append(": ").append(invocations.size()).append(" invocation(s)");
            for (FunctionInvocation i : invocations) {
                out.append("\n    ").append(i.requestId()).append(" by ").append(i.invokedBy()).append(": ")
                        .append(i.finished() == null ? "still running" : i.errorType() == null ? "ok"
                                : "ERROR " + i.errorType() + ": " + i.errorMessage());
                String logs = i.logs() == null ? "" : i.logs().strip();
                if (!logs.isEmpty()) {
                    out.append("\n      log (/aws/lambda/").append(name).append("): ")
                            .append(logs.length() > LOG_TAIL ? "…" + logs.substring(logs.length() - LOG_TAIL) : logs)
                            .append('\n');
                }
            }
        }
    }
}
