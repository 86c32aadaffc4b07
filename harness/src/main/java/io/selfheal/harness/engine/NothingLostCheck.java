package io.selfheal.harness.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.harness.backend.Waits;
import io.selfheal.harness.expect.AsyncLetters;
import io.selfheal.harness.stack.FunctionKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The built-in "nothing lost" check of a scenario with functions: every asynchronous event that reached a stack
 * function after the first fault is accounted for — one of its attempts succeeded, or Lambda put it in the
 * function's dead-letter queue (a message with its {@code RequestID}) or on-failure destination (a record with its
 * {@code requestContext.requestId}). An event a rule delivered to a function that never ran it (throttled, e.g. by
 * reserved concurrency 0, until it was too old) must be in the dead-letter queue or in an on-failure record's
 * {@code requestPayload}. Events whose retries are still due are waited for
 * (advancing a virtual clock) up to {@code expect.within}; what is left is lost, named with where it was last seen.
 * A function that fails with neither a dead-letter queue nor an on-failure destination loses its event: AWS
 * discards it silently after the retries, which is exactly what this check is for.
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html
 */
final class NothingLostCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScenarioRun run;

    NothingLostCheck(ScenarioRun run) {
        this.run = run;
    }

    CheckResult run() {
        long started = System.nanoTime();
        try {
            Waits.until(run.cloud(), "every asynchronous event accounted for", run.scenario().within(),
                    () -> lost().isEmpty());
        } catch (ConditionTimeoutException stillLost) {
            // reported below, with where each event was last seen
        }
        List<String> lost = lost();
        String failure = lost.isEmpty() ? null : lost.size() + " asynchronous event" + (lost.size() == 1 ? " was"
                : "s were") + " lost (neither succeeded nor in a dead-letter queue or on-failure destination "
                + "within " + run.scenario().within() + "):\n  " + String.join("\n  ", lost);
        return new CheckResult(Check.NOTHING_LOST.name(), failure == null, failure, ScenarioRun.since(started));
    }

    /** The events not (yet) accounted for, each with where it was last seen. */
    private List<String> lost() {
        List<String> lost = new ArrayList<>();
        List<EventRecord> events = run.eventsSinceFault();
        for (String function : run.stack().all(FunctionKind.Function.class).keySet()) {
            String name = run.state().functionName(function);
            List<FunctionInvocation> invocations = run.cloud().observation().invocations(name).stream()
                    .filter(i -> i.invocationType().equals("Event") && !i.started().isBefore(run.faultStart()))
                    .toList();
            Map<String, List<FunctionInvocation>> attempts = invocations.stream().collect(Collectors.groupingBy(
                    FunctionInvocation::requestId, LinkedHashMap::new, Collectors.toList()));
            List<AsyncLetters.DeadLetter> deadLetters = AsyncLetters.deadLetters(run, function);
            Set<String> parked = deadLetters.stream().map(AsyncLetters.DeadLetter::requestId)
                    .filter(Objects::nonNull).collect(Collectors.toSet());
            List<JsonNode> failureRecords = AsyncLetters.records(run, function, false);
            failureRecords.forEach(r -> parked.add(r.path("requestContext").path("requestId").asText()));
            // an event that never ran (throttled until too old) is in a record by its payload alone
            Set<JsonNode> recordedPayloads = failureRecords.stream().map(r -> r.path("requestPayload"))
                    .collect(Collectors.toSet());
            attempts.forEach((requestId, tries) -> {
                if (tries.stream().noneMatch(FunctionInvocation::finishedOk) && !parked.contains(requestId)) {
                    lost.add(name(requestId, tries.get(0).payload(), events) + " of function " + function + ": "
                            + lastSeen(function, tries));
                }
            });
            String arn = run.state().get(FunctionKind.KEY, function, "arn");
            Set<String> ran = invocations.stream().map(i -> normalized(i.payload())).collect(Collectors.toSet());
            Set<String> deadBodies = deadLetters.stream().map(l -> normalized(l.body())).collect(Collectors.toSet());
            for (EventRecord e : events) {
                for (EventRecord.TargetDelivery d : e.deliveries()) {
                    if (d.delivered() && arn.equals(d.targetArn()) && !ran.contains(normalized(d.input()))
                            && !deadBodies.contains(normalized(d.input()))
                            && !recordedPayloads.contains(json(d.input()))) {
                        lost.add(describe(e) + ": delivered by " + d.ruleArn() + " to function " + function
                                + " at " + e.received() + ", never run and neither in its dead-letter queue nor"
                                + " in its on-failure destination");
                    }
                }
            }
        }
        return lost;
    }

    private String lastSeen(String function, List<FunctionInvocation> tries) {
        FunctionInvocation last = tries.get(tries.size() - 1);
        if (last.finished() == null) {
            return "attempt " + tries.size() + " running since " + last.started();
        }
        String dlq = AsyncLetters.deadLetterTarget(run, function);
        String onFailure = AsyncLetters.destinationTarget(run, function, false);
        return "attempt " + tries.size() + " failed at " + last.finished() + " (" + last.errorType() + ": "
                + last.errorMessage() + "); " + (dlq == null && onFailure == null
                ? "the function has no deadLetter and no onFailure destination, so Lambda discards it"
                : "not in " + String.join(" or ", java.util.stream.Stream.of(dlq, onFailure)
                .filter(Objects::nonNull).toList()));
    }

    /** The bus event behind an invocation when a rule delivered it, else its request id. */
    private static String name(String requestId, String payload, List<EventRecord> events) {
        String body = normalized(payload);
        for (EventRecord e : events) {
            if (e.deliveries().stream().anyMatch(d -> d.delivered() && body.equals(normalized(d.input())))) {
                return describe(e) + " (request " + requestId + ")";
            }
        }
        return "request " + requestId;
    }

    private static String describe(EventRecord e) {
        return "event " + e.eventId() + " (" + e.event().path("detail-type").asText() + ")";
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text == null ? "null" : text);
        } catch (java.io.IOException notJson) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    private static String normalized(String text) {
        return text == null ? "" : text.strip();
    }
}
