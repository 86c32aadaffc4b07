package io.selfheal.harness.report;

import io.selfheal.harness.stack.FunctionKind;
import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.core.ApiCall;
import io.selfheal.harness.backend.Cloud;
import io.selfheal.harness.engine.ScenarioRun;
import io.selfheal.harness.steps.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a finished run's timeline out of the cloud's own records — the events that reached a bus and their
 * deliveries, each function's invocations, the API call log — so the picture shows what the cloud did, not what the
 * harness expected. Events and calls count from the first fault by position in the cloud's logs (on a virtual clock the
 * stack is provisioned at the fault's instant). Must run before the run's cloud closes.
 */
public final class TimelineCapture {
    private static final String ALARM_STATE_CHANGE = "CloudWatch Alarm State Change";

    private TimelineCapture() {
    }

    public static Timeline of(ScenarioRun run) {
        Cloud cloud = run.cloud();
        Instant origin = run.faultStart();
        if (origin == null) {
            return Timeline.none(cloud.virtualTime());
        }
        List<TimelineEntry> entries = new ArrayList<>();
        for (Fault fault : run.scenario().faults()) {
            entries.add(new TimelineEntry(Lane.FAULT, Duration.ZERO, null, fault.describe(),
                    "fault injected: " + fault.describe(), false));
        }
        events(cloud.observation().events(), run.eventsBeforeFault(), origin, entries);
        Map<String, String> functions = run.scenario().stack().all(FunctionKind.Function.class).keySet().stream()
                .collect(Collectors.toMap(key -> run.state().functionName(key), key -> key));
        for (String function : functions.keySet()) {
            for (FunctionInvocation i : cloud.observation().invocations(function)) {
                if (!i.started().isBefore(origin)) {
                    entries.add(invocation(origin, i));
                }
            }
        }
        List<ApiCall> calls = cloud.observation().calls();
        for (ApiCall call : calls.subList(Math.min(run.callsBeforeFault(), calls.size()), calls.size())) {
            String caller = functionSession(call.callerArn());
            if (caller != null && functions.containsKey(caller)) {
                entries.add(new TimelineEntry(Lane.API_CALL, since(origin, call.time()), null,
                        call.service() + " " + call.operation(),
                        call.service() + " " + call.operation() + " by function " + caller + " (" + call.callerArn()
                                + ") → " + (call.errorCode() == null ? "HTTP " + call.status() : call.errorCode())
                                + "\nrequest id " + call.requestId(),
                        call.errorCode() != null));
            }
        }
        if (run.recovery() != null) {
            String what = run.scenario().steadyState().isEmpty() ? "outcomes held" : "steady state restored";
            entries.add(new TimelineEntry(Lane.RECOVERY, run.recovery(), null, what,
                    what + " " + Durations.format(run.recovery()) + " after the fault (MTTR)", false));
        }
        return new Timeline(origin, cloud.virtualTime(), entries, run.recovery());
    }

    private static void events(List<EventRecord> all, int before, Instant origin, List<TimelineEntry> entries) {
        Set<String> seen = new HashSet<>();
        for (EventRecord e : all.subList(Math.min(before, all.size()), all.size())) {
            boolean again = !seen.add(e.eventId());
            String source = e.event().path("source").asText();
            String detailType = e.event().path("detail-type").asText();
            StringBuilder detail = new StringBuilder(source).append(" / ").append(detailType)
                    .append(again ? " (redelivered)" : "").append("\nid ").append(e.eventId())
                    .append(" on ").append(e.busArn());
            if (e.deliveries().isEmpty()) {
                detail.append("\nmatched no rule");
            }
            for (EventRecord.TargetDelivery d : e.deliveries()) {
                detail.append("\nrule ").append(lastSegment(d.ruleArn())).append(" → target ").append(d.targetId())
                        .append(d.delivered() ? " delivered" : " FAILED " + d.errorCode() + ": " + d.errorMessage());
            }
            Set<String> rules = e.deliveries().stream().map(d -> lastSegment(d.ruleArn()))
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
            // CloudTrail's API call events all share one detail-type; the call's name tells them apart
            String eventName = e.event().path("detail").path("eventName").asText("");
            String label = detailType + (eventName.isEmpty() ? "" : " " + eventName) + (rules.isEmpty() ? " (no rule)" : " → " + String.join(", ", rules));
            Duration at = since(origin, e.received());
            entries.add(new TimelineEntry(Lane.EVENT, at, null, (again ? "↻ " : "") + label, detail.toString(),
                    e.deliveries().stream().anyMatch(d -> !d.delivered())));
            if (!again && "aws.cloudwatch".equals(source) && ALARM_STATE_CHANGE.equals(detailType)) {
                JsonNode d = e.event().path("detail");
                String change = d.path("alarmName").asText() + ": " + d.path("previousState").path("value").asText()
                        + " → " + d.path("state").path("value").asText();
                entries.add(new TimelineEntry(Lane.ALARM, at, null, change,
                        change + "\n" + d.path("state").path("reason").asText(), false));
            }
        }
    }

    private static TimelineEntry invocation(Instant origin, FunctionInvocation i) {
        Duration length = i.finished() == null ? null : Duration.between(i.started(), i.finished());
        String outcome = i.finished() == null ? "still running"
                : i.errorType() == null ? "ok" : "ERROR " + i.errorType() + ": " + i.errorMessage();
        String detail = i.functionName() + " (" + i.invocationType() + ", by " + i.invokedBy() + ")\nrequest id "
                + i.requestId() + (length == null ? "" : "\ntook " + Durations.format(length)) + "\n" + outcome;
        return new TimelineEntry(Lane.INVOCATION, since(origin, i.started()), length,
                i.functionName() + (i.errorType() != null ? " ✗" : ""), detail, i.errorType() != null);
    }

    /** {@code arn:aws:sts::…:assumed-role/<role>/<function>} → the session name, i.e. the function; else null. */
    static String functionSession(String callerArn) {
        if (callerArn == null || !callerArn.contains(":assumed-role/")) {
            return null;
        }
        return lastSegment(callerArn);
    }

    private static String lastSegment(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static Duration since(Instant origin, Instant at) {
        return Duration.between(origin, at);
    }
}
