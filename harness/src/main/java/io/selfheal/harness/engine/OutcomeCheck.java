package io.selfheal.harness.engine;

import io.selfheal.harness.backend.Waits;
import io.selfheal.harness.backend.Cloud;
import io.selfheal.harness.expect.Expectation;
import io.selfheal.harness.expect.Verdict;
import io.selfheal.harness.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A run's outcome check and its recovery (MTTR) check: {@link ScenarioRun#verifyOutcome()} and
 * {@link ScenarioRun#verifyRecovery()}. The run keeps what they measure (the recovery time, whether the outcome held).
 */
final class OutcomeCheck {
    private final ScenarioRun run;
    private final Scenario scenario;
    private final Cloud cloud;

    OutcomeCheck(ScenarioRun run) {
        this.run = run;
        this.scenario = run.scenario();
        this.cloud = run.cloud();
    }

    /**
     * The outcome, unless a history the checks read was truncated during the run: then a failure that says so (the
     * emulator's retention bounds are far above any scenario's needs, so this means a run of unusual size).
     */
    CheckResult outcome() {
        CheckResult result = checkOutcome();
        List<String> truncated = run.historiesTruncatedDuringRun();
        if (truncated.isEmpty()) {
            return result;
        }
        return new CheckResult("outcome", false, "the emulator dropped entries from its histories during the run "
                + truncated + " (entries dropped), so the checks read truncated histories; raise the bounds with "
                + "Emulator.Builder#retain or serve --retain" + (result.message() == null ? "" : ". " + result.message()),
                result.duration());
    }

    private CheckResult checkOutcome() {
        long started = System.nanoTime();
        boolean withSteadyState = scenario.recovery() == null;
        List<Expectation> checks = new ArrayList<>(scenario.outcomes());
        if (withSteadyState) {
            checks.addAll(scenario.steadyState());
        }
        OutcomeWatch watch = new OutcomeWatch(run, checks);
        try {
            if (!cloud.virtualTime()) {
                cloud.awaitIdle(scenario.within());
            }
            Instant deadline = cloud.now().plus(scenario.within());
            Waits.until(cloud, scenario.name() + " outcomes", scenario.within(), watch::settledOrBroken);
            Instant held = cloud.now();
            long heldNanos = System.nanoTime();
            boolean recoveredThen = withSteadyState
                    || Verdicts.allHold(run, scenario.steadyState(), new AtomicReference<>());
            if (!watch.isBroken() && watch.watchesToDeadline() && held.isBefore(deadline)) {
                try {
                    Waits.until(cloud, scenario.name() + " never", Duration.between(held, deadline), watch::broken);
                } catch (ConditionTimeoutException stillHolds) {
                    // the deadline passed and nothing that must never happen did
                }
            }
            if (watch.isBroken()) {
                return new CheckResult(Check.OUTCOME.name(), false, Denials.headline(run)
                        + "an outcome that must hold until the deadline ("
                        + scenario.within() + ") failed:" + Verdicts.describe(scenario.outcomes(), watch.verdicts(), "")
                        + WhatHappened.since(run), ScenarioRun.since(started));
            }
            if (recoveredThen) {
                run.recovered(held, heldNanos);
            }
            run.outcomeHeld();
            return new CheckResult(Check.OUTCOME.name(), true, null, ScenarioRun.since(started));
        } catch (ConditionTimeoutException e) {
            List<Verdict> last = watch.verdicts();
            String message = Denials.headline(run) + "outcomes did not hold within " + scenario.within()
                    + (cloud.virtualTime() ? " of virtual time" : "") + ":"
                    + Verdicts.describe(scenario.outcomes(), last, "")
                    + (withSteadyState ? Verdicts.describe(scenario.steadyState(),
                    Verdicts.tail(last, scenario.outcomes().size()), "steady state: ") : "")
                    + WhatHappened.since(run);
            return new CheckResult(Check.OUTCOME.name(), false, message, ScenarioRun.since(started));
        }
    }

    CheckResult recovery() {
        long started = System.nanoTime();
        Duration bound = scenario.recovery().within();
        List<Expectation> checks = new ArrayList<>(scenario.outcomes());
        checks.addAll(scenario.steadyState());
        AtomicReference<List<Verdict>> last = new AtomicReference<>(List.of());
        boolean held = run.recovery() != null;
        if (!held) {
            Duration left = bound.minus(Duration.between(run.faultStart(), cloud.now()));
            try {
                if (left.isNegative() || left.isZero()) {
                    held = Verdicts.allHold(run, checks, last);
                } else {
                    Waits.until(cloud, scenario.name() + " recovery", left,
                            () -> Verdicts.allHold(run, checks, last));
                    held = true;
                }
            } catch (ConditionTimeoutException e) {
                held = false;
            }
            if (held) {
                run.recovered(cloud.now(), System.nanoTime());
            }
        }
        if (held && run.recovery().compareTo(bound) <= 0) {
            return new CheckResult(Check.RECOVERY.name(), true, null, ScenarioRun.since(started));
        }
        String message = Denials.headline(run)
                + (held ? "recovered after " + run.recovery() : "not recovered") + ", over the bound of " + bound
                + (cloud.virtualTime() ? " of virtual time" : "") + " from the first fault:"
                + Verdicts.describe(scenario.outcomes(), last.get(), "")
                + Verdicts.describe(scenario.steadyState(), Verdicts.tail(last.get(), scenario.outcomes().size()),
                "steady state: ")
                + WhatHappened.since(run);
        return new CheckResult(Check.RECOVERY.name(), false, message, ScenarioRun.since(started));
    }
}
