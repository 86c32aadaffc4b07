package io.selfheal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfheal.harness.engine.ScenarioResult;
import io.selfheal.harness.engine.ScenarioRunner;
import io.selfheal.harness.expect.LeastPrivilegeExpectation;
import io.selfheal.harness.iam.LeastPrivilegeReport;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.ScenarioFiles;
import io.selfheal.harness.scenario.ScenarioLoader;
import io.selfheal.harness.stack.FunctionKind;
import io.selfheal.harness.stack.RoleKind;
import io.selfheal.harness.stack.Stack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 13.6, "no unused grants": every shipped remediation policy is least privilege. For each scenario that runs a
 * shipped remediation with exactly its shipped policy and claims {@code leastPrivilege} for it, the scenario passes
 * in {@code enforce} mode (scenarios' default) and every action of every statement was allowed by that statement;
 * then, once per statement, the same scenario with that statement removed must fail, its one-line denial naming one
 * of the statement's actions. Removal runs keep the outcome check only (no recovery or redelivery checks): it is
 * where a denial first shows, and it keeps the cost to one virtual-clock run per statement.
 */
class ShippedPolicyProofTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Remediations whose policy one scenario proves although others also claim {@code leastPrivilege} for it, with
     * that scenario's name: IsolateCompromisedInstance's other scenarios each take one path (no Auto Scaling group, no
     * instance profile, no release) and use part of the policy; the proving one is an Auto Scaling instance with an
     * instance profile, isolated and then released (scenarios/guardduty/autoscaling-instance-isolated-detached-then-
     * released.yaml), which calls every action. The example custom Config rule sg_world_open_ports_rule is proven by
     * scenarios/config/custom-rule-every-path.yaml, the one scenario that takes its change, oversized and periodic
     * paths (its other scenarios take one path each and claim no leastPrivilege for it).
     */
    private static final java.util.Map<String, String> PROVEN_BY = java.util.Map.of("IsolateCompromisedInstance",
            "guardduty-autoscaling-instance-isolated-detached-then-released");
    /** Shipped remediations whose policies are not proven here, with why (none today). */
    private static final java.util.Map<String, String> NOT_PROVEN = java.util.Map.of();

    private final List<Scenario> scenarios = ScenarioFiles.find(Path.of(".")).stream()
            .map(new ScenarioLoader()::load).toList();

    @Test
    void everyShippedRemediationThatAScenarioRunsHasAScenarioThatProvesItsPolicy() {
        Set<String> unrun = new TreeSet<>();
        Set<String> shipped = new TreeSet<>();
        for (ShippedRemediation r : ShippedRemediation.all()) {
            shipped.add(r.name());
            if (NOT_PROVEN.containsKey(r.name())) {
                continue;
            }
            boolean run = scenarios.stream().anyMatch(s -> !functionsRunning(s, r).isEmpty());
            if (!run) {
                unrun.add(r.name());
            } else {
                assertThat(proofs(r)).as("a scenario that runs %s with its shipped policy and claims leastPrivilege", r)
                        .isNotEmpty();
            }
        }
        assertThat(unrun).as("shipped remediations no scenario runs").isEmpty();
        assertThat(shipped).as("remediations excused from the proof are shipped ones").containsAll(NOT_PROVEN.keySet());
    }

    @TestFactory
    Stream<DynamicNode> eachStatementOfEachShippedPolicyIsNeeded() {
        List<DynamicNode> nodes = new ArrayList<>();
        // -Dselfheal.proofOnly=<remediation> runs one remediation's proof while working on it
        String only = System.getProperty("selfheal.proofOnly");
        for (ShippedRemediation r : ShippedRemediation.all()) {
            if (NOT_PROVEN.containsKey(r.name()) || only != null && !only.equals(r.name())) {
                continue;
            }
            proofs(r).forEach((scenario, function) -> nodes.add(dynamicContainer(r + " in " + scenario.name(),
                    Stream.concat(Stream.of(dynamicTest("passes with exactly its shipped policy, every grant used",
                                    () -> passesUsingEveryGrant(r, scenario, function))),
                            IntStream.range(0, r.statements().size()).mapToObj(i -> dynamicTest(
                                    "fails without " + sid(r, i), () -> failsWithout(r, i, scenario, function)))))));
        }
        return nodes.stream();
    }

    private void passesUsingEveryGrant(ShippedRemediation r, Scenario scenario, String function) {
        AtomicReference<LeastPrivilegeReport> report = new AtomicReference<>();
        AtomicReference<JsonNode> policies = new AtomicReference<>();
        ScenarioResult result = timed(scenario.name() + " with " + r.policy().getFileName(), new ScenarioRunner()
                .onFinished((run, done) -> {
                    String json = run.state().get(FunctionKind.KEY, function, RoleKind.POLICIES);
                    policies.set(read(json));
                    report.set(LeastPrivilegeReport.of(function, run.state().functionName(function),
                            run.cloud().decisions(), json));
                }), scenario);

        assertThat(result.passed()).as(result.reason()).isTrue();
        assertThat(policies.get()).as("the role's inline policies").hasSize(1);
        assertThat(policies.get().get(0).get("document")).as("the role's one policy is the shipped file")
                .isEqualTo(r.document());
        List<JsonNode> statements = r.statements();
        List<LeastPrivilegeReport.Grant> grants = report.get().grants();
        assertThat(grants).hasSameSizeAs(statements);
        for (int i = 0; i < statements.size(); i++) {
            List<String> literal = ShippedRemediation.actions(statements.get(i)).stream()
                    .filter(a -> !a.contains("*") && !a.contains("?")).toList();
            assertThat(grants.get(i).called()).as("actions called under %s", sid(r, i)).isNotEmpty()
                    .containsAll(literal);
        }
    }

    private void failsWithout(ShippedRemediation r, int index, Scenario scenario, String function) {
        ScenarioResult result = timed(scenario.name() + " without " + sid(r, index), new ScenarioRunner(),
                withPolicy(scenario, function, r.without(index)));

        assertThat(result.passed()).as("%s passed without %s", scenario.name(), sid(r, index)).isFalse();
        List<String> named = ShippedRemediation.actions(r.statements().get(index)).stream()
                .filter(a -> result.reason().contains(function + ": " + a + " on ")).toList();
        assertThat(named).as("a denial line naming an action of %s in: %s", sid(r, index), result.reason())
                .isNotEmpty();
        assertThat(result.reason()).contains(" denied: ");
    }

    /** Functions of the scenario (by key) that run the remediation with exactly its shipped policy. */
    private static List<String> functionsRunning(Scenario scenario, ShippedRemediation r) {
        List<String> out = new ArrayList<>();
        scenario.stack().all(FunctionKind.Function.class).forEach((key, f) -> {
            if (r.runsIn(f) && f.role() == null
                    && (f.rolePolicy() == null || read(f.rolePolicy()).equals(r.document()))) {
                out.add(key);
            }
        });
        return out;
    }

    /** Scenarios (with the function key) that run the remediation and claim {@code leastPrivilege} for it. */
    private Map<Scenario, String> proofs(ShippedRemediation r) {
        Map<Scenario, String> out = new LinkedHashMap<>();
        for (Scenario s : scenarios) {
            if (PROVEN_BY.containsKey(r.name()) && !PROVEN_BY.get(r.name()).equals(s.name())) {
                continue;
            }
            for (String function : functionsRunning(s, r)) {
                if (s.outcomes().contains(new LeastPrivilegeExpectation(function))) {
                    out.put(s, function);
                }
            }
        }
        return out;
    }

    /** The scenario with the function's role given {@code policy}, checking outcomes only. */
    private static Scenario withPolicy(Scenario s, String function, String policy) {
        Map<String, Map<String, Object>> resources = new LinkedHashMap<>(s.stack().resources());
        Map<String, Object> functions = new LinkedHashMap<>(resources.get(FunctionKind.KEY));
        FunctionKind.Function f = (FunctionKind.Function) functions.get(function);
        functions.put(function, new FunctionKind.Function(f.key(), f.name(), f.code(), f.handler(), f.runtime(),
                f.timeout(), f.memory(), f.environment(), policy, null, f.async()));
        resources.put(FunctionKind.KEY, functions);
        return new Scenario(s.name(), s.description(), s.tags(), s.file(), new Stack(resources), s.faults(),
                s.within(), s.outcomes(), null, s.steadyState(), s.virtualTime(), null, s.seed());
    }

    private static ScenarioResult timed(String what, ScenarioRunner runner, Scenario scenario) {
        long started = System.nanoTime();
        ScenarioResult result = runner.run(scenario);
        System.out.printf("ShippedPolicyProof: %s: %s in %d ms%n", what,
                result.passed() ? "passed" : "failed: " + result.reason().lines().findFirst().orElse(""),
                (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    private static String sid(ShippedRemediation r, int index) {
        return r.statements().get(index).path("Sid").asText("statement " + index);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }
}
