package io.selfheal.harness.engine;

import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.core.ApiCall;
import io.selfheal.harness.scenario.Scenario;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * EventBridge delivers at least once, so a remediation must survive duplicates: every event that triggered the
 * stack's rules is delivered again (same id) N times; each redelivery must run the function without error, and no
 * mutating API call may follow and no resource may change.
 */
final class IdempotencyCheck {
    private final ScenarioRun run;

    IdempotencyCheck(ScenarioRun run) {
        this.run = run;
    }

    CheckResult run(int times) {
        long started = System.nanoTime();
        Scenario scenario = run.scenario();
        Set<String> ruleArns = scenario.stack().rules().keySet().stream().map(k -> run.state().ruleArn(k))
                .collect(Collectors.toSet());
        Map<String, EventRecord> triggers = new LinkedHashMap<>();
        for (EventRecord e : run.cloud().events()) {
            if (!e.received().isBefore(run.faultStart())
                    && e.deliveries().stream().anyMatch(d -> d.delivered() && ruleArns.contains(d.ruleArn()))) {
                triggers.putIfAbsent(e.eventId(), e);
            }
        }
        if (triggers.isEmpty()) {
            return fail("no event reached the stack's rules after the fault: nothing to redeliver", started);
        }
        Map<String, Integer> expected = expectedInvocations(triggers.values(), times);
        int callsBefore = run.cloud().calls().size();
        Map<String, Integer> invocationsBefore = new HashMap<>();
        expected.keySet().forEach(f -> invocationsBefore.put(f, run.cloud().invocations(f).size()));
        String stateBefore = snapshot();

        for (int i = 0; i < times; i++) {
            triggers.keySet().forEach(run.cloud()::redeliver);
        }
        if (!run.cloud().virtualTime()) {
            run.cloud().awaitIdle(scenario.within());
        }
        try {
            Waits.until(run.cloud(), "redelivered invocations finished", scenario.within(),
                    () -> expected.keySet().stream().allMatch(f -> finished(f) >= invocationsBefore.get(f) + expected.get(f)));
        } catch (ConditionTimeoutException e) {
            return fail("the redelivered events did not all run their functions within " + scenario.within()
                    + WhatHappened.since(run.faultStart(), run.cloud(), scenario, run.state()), started);
        }
        StringBuilder problems = new StringBuilder();
        List<ApiCall> after = run.cloud().calls();
        List<ApiCall> mutating = after.subList(callsBefore, after.size()).stream()
                .filter(c -> !c.readOnly() && c.succeeded()).toList();
        for (ApiCall c : mutating) {
            problems.append("\n  mutating call after redelivery: ").append(c.service()).append(' ')
                    .append(c.operation()).append(" by ").append(c.callerArn()).append(' ').append(c.parameters());
        }
        for (String f : expected.keySet()) {
            List<FunctionInvocation> all = run.cloud().invocations(f);
            all.subList(invocationsBefore.get(f), all.size()).stream().filter(FunctionInvocation::failed)
                    .forEach(i -> problems.append("\n  redelivery failed in ").append(f).append(": ")
                            .append(i.errorType()).append(": ").append(i.errorMessage()));
        }
        String stateAfter = snapshot();
        if (!stateAfter.equals(stateBefore)) {
            problems.append("\n  resources changed:\n    before: ").append(stateBefore)
                    .append("\n    after:  ").append(stateAfter);
        }
        if (problems.length() > 0) {
            return fail(times + " redeliver" + (times == 1 ? "y" : "ies") + " of " + triggers.size()
                    + " trigger(s) were not harmless:" + problems, started);
        }
        return new CheckResult("idempotency", true, null, ScenarioRun.since(started));
    }

    /** Per function name: how many invocations the redeliveries should cause. */
    private Map<String, Integer> expectedInvocations(Iterable<EventRecord> triggers, int times) {
        Map<String, String> nameByArn = new HashMap<>();
        run.scenario().stack().functions().keySet().forEach(k ->
                nameByArn.put(run.state().get("functions", k, "arn"), run.state().functionName(k)));
        Map<String, Integer> expected = new TreeMap<>();
        for (EventRecord e : triggers) {
            for (EventRecord.TargetDelivery d : e.deliveries()) {
                String name = nameByArn.get(d.targetArn());
                if (d.delivered() && name != null) {
                    expected.merge(name, times, Integer::sum);
                }
            }
        }
        return expected;
    }

    private long finished(String function) {
        return run.cloud().invocations(function).stream().filter(i -> i.finished() != null).count();
    }

    /** The stack's instances as EC2 describes them, plus reboot counts: what a redelivery must not change. */
    private String snapshot() {
        StringBuilder out = new StringBuilder();
        for (String key : run.scenario().stack().instances().keySet()) {
            String id = run.state().instanceId(key);
            Instance i = run.clients().ec2().describeInstances(r -> r.instanceIds(id)).reservations().get(0)
                    .instances().get(0);
            Map<String, String> tags = new TreeMap<>();
            i.tags().forEach(t -> tags.put(t.key(), t.value()));
            out.append(id).append(' ').append(i.state().nameAsString()).append(' ').append(tags)
                    .append(" reboots=").append(run.cloud().rebootCount(id)).append("; ");
        }
        return out.toString();
    }

    private static CheckResult fail(String message, long started) {
        return new CheckResult("idempotency", false, message, ScenarioRun.since(started));
    }

}
