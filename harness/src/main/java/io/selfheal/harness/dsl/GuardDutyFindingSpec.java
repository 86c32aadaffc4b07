package io.selfheal.harness.dsl;

import io.selfheal.harness.steps.Fault;
import io.selfheal.harness.steps.GuardDutyFindingFault;
import java.time.Duration;

/**
 * {@code guardDutyFinding}, made by {@link Faults#guardDutyFinding}: {@code severity(8)} and
 * {@code repeat(Duration.ofMinutes(15), 3)} are optional.
 */
public final class GuardDutyFindingSpec extends Spec<GuardDutyFindingSpec> implements FaultSpec {
    private final String instance;
    private final String type;
    private Double severity;
    private Duration every;
    private int times = 1;

    GuardDutyFindingSpec(String instance, String type) {
        this.instance = instance;
        this.type = type;
    }

    /** 1.0 to 10.0; default: the finding type's. */
    public GuardDutyFindingSpec severity(double value) {
        return with(s -> s.severity = value);
    }

    /** {@code repeat: {every, times}}: {@code times} occurrences in all, {@code every} apart on the cloud's clock. */
    public GuardDutyFindingSpec repeat(Duration interval, int occurrences) {
        return with(s -> {
            s.every = interval;
            s.times = occurrences;
        });
    }

    @Override
    public String key() {
        return "guardDutyFinding";
    }

    @Override
    public Fault build(Checks checks) {
        String key = checks.stackKey("instance", "instances", instance);
        String checkedType = checks.required("type", type) == null ? null
                : checks.choice("type", type, GuardDutyFindingFault.TYPES.toArray(String[]::new));
        String severityProblem = GuardDutyFindingFault.severityProblem(severity);
        if (severityProblem != null) {
            checks.problem("severity", severityProblem);
        }
        boolean repeatOk = true;
        if (every != null || times != 1) {
            repeatOk = checks.positive("repeat", every == null ? Duration.ZERO : every,
                    "occurrences are a positive duration apart") != null;
            if (times < 1) {
                checks.problem("repeat", "times is at least 1");
                repeatOk = false;
            }
        }
        return key == null || checkedType == null || severityProblem != null || !repeatOk ? null
                : new GuardDutyFindingFault(key, checkedType, severity, every, times);
    }
}
