package io.selfheal.harness.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What running a scenario gave.
 *
 * @param name     the scenario
 * @param file     its file
 * @param checks   each check's result, in order (empty when the run broke before any check)
 * @param error    why the run broke (provisioning or injection failed), or null
 * @param recovery from the first fault to all outcomes holding, or null when they never did
 * @param duration the whole run, wall clock
 */
public record ScenarioResult(String name, Path file, List<CheckResult> checks, String error, Duration recovery,
                             Duration duration) {

    public boolean passed() {
        return error == null && !checks.isEmpty() && checks.stream().allMatch(CheckResult::passed);
    }

    /** The first reason for failure, or null. */
    public String reason() {
        if (error != null) {
            return error;
        }
        return checks.stream().filter(c -> !c.passed()).map(c -> c.name() + ": " + c.message()).findFirst()
                .orElse(checks.isEmpty() ? "no checks ran" : null);
    }
}
