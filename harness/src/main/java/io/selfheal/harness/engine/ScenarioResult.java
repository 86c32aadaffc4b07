package io.selfheal.harness.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What running a scenario gave.
 *
 * @param name         the scenario
 * @param file         its file
 * @param checks       each check's result, in order (empty when the run broke before any check)
 * @param error        why the run broke (provisioning or injection failed), or null
 * @param recovery     the measured MTTR: from the first fault until every outcome and the steady state held, on the
 *                     cloud's clock (virtual time unless the scenario runs on a real clock); null when they never did
 * @param duration     the whole run, wall clock
 * @param recoveryWall the wall-clock time the same stretch took (virtual minutes pass in seconds); null with
 *                     {@code recovery}
 * @param recoveryBound the scenario's {@code recovery.within}, or null when it sets none
 * @param skipReason   why the scenario did not run on this cloud ("needs virtual clock"), or null when it ran
 * @param facts        where and how it ran (backend, observation source, clock, the remediation's request ids), or
 *                     null when no cloud was made
 */
public record ScenarioResult(String name, Path file, List<CheckResult> checks, String error, Duration recovery,
                             Duration duration, Duration recoveryWall, Duration recoveryBound, String skipReason,
                             RunFacts facts) {

    public ScenarioResult(String name, Path file, List<CheckResult> checks, String error, Duration recovery,
                          Duration duration, Duration recoveryWall, Duration recoveryBound, String skipReason) {
        this(name, file, checks, error, recovery, duration, recoveryWall, recoveryBound, skipReason, null);
    }

    /** This result with {@code facts}. */
    public ScenarioResult withFacts(RunFacts runFacts) {
        return new ScenarioResult(name, file, checks, error, recovery, duration, recoveryWall, recoveryBound,
                skipReason, runFacts);
    }

    /** The checks this cloud could not run, each with why. */
    public List<CheckResult> skippedChecks() {
        return checks.stream().filter(CheckResult::isSkipped).toList();
    }

    /** A result of a scenario that ran. */
    public ScenarioResult(String name, Path file, List<CheckResult> checks, String error, Duration recovery,
                          Duration duration, Duration recoveryWall, Duration recoveryBound) {
        this(name, file, checks, error, recovery, duration, recoveryWall, recoveryBound, null);
    }

    /** A scenario not run because its cloud lacks what it needs: neither passed nor failed. */
    public static ScenarioResult skipped(String name, Path file, String reason, Duration duration) {
        return new ScenarioResult(name, file, List.of(), null, null, duration, null, null, reason);
    }

    public boolean isSkipped() {
        return skipReason != null;
    }

    /** A result without wall-clock recovery time or bound (the form before MTTR bounds existed). */
    public ScenarioResult(String name, Path file, List<CheckResult> checks, String error, Duration recovery,
                          Duration duration) {
        this(name, file, checks, error, recovery, duration, null, null);
    }

    public boolean passed() {
        // A check this cloud could not run is reported as skipped, never counted as passed.
        List<CheckResult> ran = checks.stream().filter(c -> !c.isSkipped()).toList();
        return skipReason == null && error == null && !ran.isEmpty() && ran.stream().allMatch(CheckResult::passed);
    }

    /** The first reason for failure, or null. */
    public String reason() {
        if (error != null) {
            return error;
        }
        if (skipReason != null) {
            return skipReason;
        }
        return checks.stream().filter(c -> !c.passed() && !c.isSkipped()).map(c -> c.name() + ": " + c.message()).findFirst()
                .orElse(checks.isEmpty() ? "no checks ran" : null);
    }
}
