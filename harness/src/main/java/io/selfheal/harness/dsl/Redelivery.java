package io.selfheal.harness.dsl;

import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.ScenarioRules;
import io.selfheal.harness.scenario.Scenario.RedeliveryMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code idempotency} section: {@code redeliver(3).modes(SEQUENTIAL, LATE).lateBy(Duration.ofHours(1))} —
 * each trigger event delivered that many more times per mode, each mode its own check.
 */
public final class Redelivery extends Spec<Redelivery> {
    private final int times;
    private List<RedeliveryMode> modes = List.of(RedeliveryMode.SEQUENTIAL);
    private Duration lateBy;

    private Redelivery(int times) {
        this.times = times;
    }

    /** N sequential redeliveries, unless {@link #modes} says otherwise. */
    public static Redelivery redeliver(int times) {
        return new Redelivery(times);
    }

    public Redelivery modes(RedeliveryMode... modes) {
        return with(s -> s.modes = List.of(modes));
    }

    /** How far the clock moves before a late redelivery; default an hour. */
    public Redelivery lateBy(Duration lateBy) {
        return with(s -> s.lateBy = lateBy);
    }

    /** The model, with the loader's rules; null after a problem. */
    Scenario.Idempotency build(Checks checks, boolean realClock) {
        boolean ok = true;
        List<RedeliveryMode> seen = new ArrayList<>();
        for (RedeliveryMode mode : modes) {
            if (seen.contains(mode)) {
                checks.at("mode").problem(ScenarioRules.listedTwice(mode));
                ok = false;
            }
            seen.add(mode);
        }
        if (modes.isEmpty()) {
            checks.at("mode").problem(ScenarioRules.noModes());
            ok = false;
        }
        Scenario.Idempotency built = ScenarioRules.idempotency(times, seen, lateBy, realClock, checks);
        return ok ? built : null;
    }
}
