package io.selfheal.harness.engine;

import io.selfheal.harness.expect.Expectation;
import io.selfheal.harness.expect.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a scenario's outcomes repeatedly: "eventually" ones until they all hold, {@link Expectation#untilDeadline()
 * until-the-deadline} ones at every check, latching the first check at which one of those failed (with the time after
 * the fault start) so that a later check cannot hide it.
 */
final class OutcomeWatch {
    private final ScenarioRun run;
    private final List<Expectation> checks;
    private final List<Verdict> last = new ArrayList<>();
    private boolean broken;

    OutcomeWatch(ScenarioRun run, List<Expectation> checks) {
        this.run = run;
        this.checks = checks;
        checks.forEach(c -> last.add(null));
    }

    /** Checks everything; true when all hold or an until-the-deadline expectation failed (stop waiting). */
    boolean settledOrBroken() {
        boolean all = true;
        for (int i = 0; i < checks.size(); i++) {
            all &= check(i);
        }
        return all || broken;
    }

    /** Checks only the until-the-deadline expectations; true once one failed. */
    boolean broken() {
        for (int i = 0; i < checks.size(); i++) {
            if (checks.get(i).untilDeadline()) {
                check(i);
            }
        }
        return broken;
    }

    boolean isBroken() {
        return broken;
    }

    boolean watchesToDeadline() {
        return checks.stream().anyMatch(Expectation::untilDeadline);
    }

    /** The latest verdicts, in the order of the checks; a latched failure stays. */
    List<Verdict> verdicts() {
        return last;
    }

    private boolean check(int i) {
        Expectation e = checks.get(i);
        Verdict previous = last.get(i);
        if (e.untilDeadline() && previous != null && !previous.holds()) {
            return false;
        }
        Verdict v = e.check(run);
        if (e.untilDeadline() && !v.holds()) {
            broken = true;
            Duration after = Duration.between(run.faultStart(), run.cloud().now());
            v = Verdict.of(false, "at " + after + " after the fault start, " + v.observed());
        }
        last.set(i, v);
        return v.holds();
    }
}
