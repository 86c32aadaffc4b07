package io.selfheal.harness.dsl;

import io.selfheal.emulator.core.VirtualClock;
import io.selfheal.harness.backend.EmbeddedCloud;
import io.selfheal.harness.engine.CheckResult;
import io.selfheal.harness.engine.ScenarioResult;
import io.selfheal.harness.engine.ScenarioRunner;
import io.selfheal.harness.junit5.RunningEmulator;
import io.selfheal.harness.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs scenarios from Java tests and asserts on the result:
 * <pre>{@code
 * ScenarioResult result = Selfheal.run(scenario);
 * Selfheal.assertPassed(result);   // fails with the engine's story: what was observed, then what happened
 * }</pre>
 */
public final class Selfheal {
    private Selfheal() {
    }

    /** Runs {@code scenario} on a fresh embedded cloud (its own emulator and clock), closed afterwards. */
    public static ScenarioResult run(Scenario scenario) {
        return new ScenarioRunner().run(scenario);
    }

    /** Builds and runs it. */
    public static ScenarioResult run(ScenarioBuilder scenario) {
        return run(scenario.build());
    }

    /**
     * Runs {@code scenario} on the emulator of a {@code @SelfhealCloud} test, which stays open. Use
     * {@code Scope.TEST} or the default {@code Scope.CLASS} (reset before each test), so one scenario's resources do
     * not meet another's; the emulator's clock must be what the scenario asks for (virtual unless
     * {@link ScenarioBuilder#realClock()}).
     */
    public static ScenarioResult run(Scenario scenario, RunningEmulator emulator) {
        boolean virtual = emulator.control().clock() instanceof VirtualClock;
        if (virtual != scenario.virtualTime()) {
            throw new IllegalArgumentException("scenario " + scenario.name() + " runs on a "
                    + (scenario.virtualTime() ? "virtual" : "real") + " clock, the emulator on a "
                    + (virtual ? "virtual" : "real") + " one");
        }
        return new ScenarioRunner(s -> EmbeddedCloud.borrowing(emulator.emulator())).run(scenario);
    }

    /**
     * Passes when every check passed; otherwise throws an {@link AssertionError} whose message is the engine's
     * failure story for each failed check (or why the run broke).
     */
    public static void assertPassed(ScenarioResult result) {
        if (result.passed()) {
            return;
        }
        throw new AssertionError(failureStory(result));
    }

    /** What {@link #assertPassed} says about a failed run. */
    public static String failureStory(ScenarioResult result) {
        List<String> parts = new ArrayList<>();
        if (result.error() != null) {
            parts.add(result.error());
        }
        for (CheckResult check : result.checks()) {
            if (!check.passed()) {
                parts.add(check.name() + ": " + check.message());
            }
        }
        if (parts.isEmpty()) {
            parts.add("no checks ran");
        }
        return "scenario " + result.name() + " failed\n" + String.join("\n\n", parts);
    }
}
