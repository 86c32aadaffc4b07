package io.selfheal.harness.engine;

import io.selfheal.harness.backend.Waits;
import io.selfheal.harness.stack.RuleKind;
import io.selfheal.harness.stack.FunctionKind;
import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.core.ApiCall;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.Scenario.RedeliveryMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * EventBridge delivers at least once, so a remediation must survive duplicates: every event that triggered the
 * stack's rules is delivered again (same id) N times, timed by a {@link RedeliveryMode} — one after another, all at
 * once, or after the clock moved on. Each redelivery must run its functions without error, no mutating API call may
 * follow (per the emulator's call log) and no instance may change; a failure names the redelivery behind each call.
 */
final class IdempotencyCheck {
    private final ScenarioRun run;
    private final Scenario.Idempotency spec;

    IdempotencyCheck(ScenarioRun run) {
        this.run = run;
        this.spec = run.scenario().idempotency();
    }

    CheckResult run(RedeliveryMode mode) {
        long started = System.nanoTime();
        Map<String, EventRecord> triggers = triggers();
        if (triggers.isEmpty()) {
            return result(mode, "no event reached the stack's rules after the fault: nothing to redeliver", started);
        }
        if (mode == RedeliveryMode.LATE) {
            // The world moves on first (metrics, alarms, schedules): the remediation meets today's resource.
            run.cloud().advanceUntil(() -> false, spec.lateBy());
        }
        String stateBefore = ResourceSnapshot.instances(run);
        StringBuilder problems = new StringBuilder();
        try {
            if (mode == RedeliveryMode.CONCURRENT) {
                concurrently(triggers, problems);
            } else {
                for (int i = 1; i <= spec.redeliver(); i++) {
                    for (EventRecord trigger : triggers.values()) {
                        int calls = run.cloud().observation().calls().size();
                        Map<String, Integer> invocations = invocationCounts();
                        redeliver(trigger.eventId());
                        awaitInvocations(invocations, 1, List.of(trigger));
                        blame(calls, invocations, label(mode, i, trigger), problems);
                    }
                }
            }
        } catch (ConditionTimeoutException e) {
            return result(mode, "the redelivered events did not all run their functions within "
                    + run.scenario().within() + WhatHappened.since(run), started);
        }
        String stateAfter = ResourceSnapshot.instances(run);
        if (!stateAfter.equals(stateBefore)) {
            problems.append("\n  resources changed:\n    before: ").append(stateBefore)
                    .append("\n    after:  ").append(stateAfter);
        }
        return result(mode, problems.length() == 0 ? null : spec.redeliver() + " " + mode.key() + " redeliver"
                + (spec.redeliver() == 1 ? "y" : "ies") + " of " + triggers.size() + " trigger(s)"
                + (mode == RedeliveryMode.LATE ? " " + spec.lateBy() + " late" : "") + " were not harmless:"
                + problems, started);
    }

    /** All redeliveries of all triggers released together, so they are in flight at the same time. */
    private void concurrently(Map<String, EventRecord> triggers, StringBuilder problems) {
        int calls = run.cloud().observation().calls().size();
        Map<String, Integer> invocations = invocationCounts();
        int n = spec.redeliver() * triggers.size();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < spec.redeliver(); i++) {
                for (String id : triggers.keySet()) {
                    puts.add(pool.submit(() -> {
                        start.await();
                        redeliver(id);
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> put : puts) {
                put.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while redelivering", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a concurrent redelivery failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        awaitInvocations(invocations, spec.redeliver(), triggers.values());
        blame(calls, invocations, "one of the " + spec.redeliver() + " concurrent redeliveries of "
                + String.join(", ", triggers.keySet()), problems);
    }

    private void redeliver(String eventId) {
        run.cloud().control(io.selfheal.harness.backend.Capability.REDELIVERY).redeliver(eventId);
    }

    /** Events after the fault that some rule of the stack delivered, by id. */
    private Map<String, EventRecord> triggers() {
        Set<String> ruleArns = run.scenario().stack().all(RuleKind.Rule.class).keySet().stream().map(k -> run.state().ruleArn(k))
                .collect(Collectors.toSet());
        Map<String, EventRecord> triggers = new LinkedHashMap<>();
        for (EventRecord e : run.eventsSinceFault()) {
            if (e.deliveries().stream().anyMatch(d -> d.delivered() && ruleArns.contains(d.ruleArn()))) {
                triggers.putIfAbsent(e.eventId(), e);
            }
        }
        return triggers;
    }

    private Map<String, Integer> invocationCounts() {
        Map<String, Integer> counts = new HashMap<>();
        for (String key : run.scenario().stack().all(FunctionKind.Function.class).keySet()) {
            String name = run.state().functionName(key);
            counts.put(name, run.cloud().observation().invocations(name).size());
        }
        return counts;
    }

    /**
     * Waits until each function finished {@code times} more invocations per delivery of {@code events} that
     * reached it.
     */
    private void awaitInvocations(Map<String, Integer> before, int times, java.util.Collection<EventRecord> events) {
        Map<String, String> nameByArn = new HashMap<>();
        run.scenario().stack().all(FunctionKind.Function.class).keySet().forEach(k ->
                nameByArn.put(run.state().get("functions", k, "arn"), run.state().functionName(k)));
        Map<String, Integer> expected = new HashMap<>();
        for (EventRecord e : events) {
            for (EventRecord.TargetDelivery d : e.deliveries()) {
                String name = nameByArn.get(d.targetArn());
                if (d.delivered() && name != null) {
                    expected.merge(name, times, Integer::sum);
                }
            }
        }
        Waits.until(run.cloud(), "redelivered invocations finished", run.scenario().within(),
                () -> expected.entrySet().stream().allMatch(f -> run.cloud().observation().invocations(f.getKey()).stream()
                        .filter(i -> i.finished() != null).count() >= before.get(f.getKey()) + f.getValue()));
    }

    /** Appends each mutating call and failed invocation since the marks, naming the redelivery behind it. */
    private void blame(int callsBefore, Map<String, Integer> invocationsBefore, String redelivery,
                       StringBuilder problems) {
        List<ApiCall> calls = run.cloud().observation().calls();
        for (ApiCall c : calls.subList(callsBefore, calls.size())) {
            if (!c.readOnly() && c.succeeded()) {
                problems.append("\n  ").append(redelivery).append(" caused ").append(c.service()).append(' ')
                        .append(c.operation()).append(" by ").append(c.callerArn()).append(' ')
                        .append(c.parameters());
            }
        }
        invocationsBefore.forEach((name, before) -> {
            List<FunctionInvocation> all = run.cloud().observation().invocations(name);
            all.subList(before, all.size()).stream().filter(FunctionInvocation::failed).forEach(i ->
                    problems.append("\n  ").append(redelivery).append(" failed in ").append(name).append(": ")
                            .append(i.errorType()).append(": ").append(i.errorMessage()));
        });
    }

    private String label(RedeliveryMode mode, int i, EventRecord trigger) {
        return "redelivery " + i + "/" + spec.redeliver() + " (" + mode.key() + ") of event " + trigger.eventId()
                + " (" + trigger.event().path("detail-type").asText() + ")";
    }

    private static CheckResult result(RedeliveryMode mode, String failure, long started) {
        return new CheckResult(Check.idempotency(mode).name(), failure == null, failure, ScenarioRun.since(started));
    }
}
