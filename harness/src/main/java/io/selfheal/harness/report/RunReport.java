package io.selfheal.harness.report;

import io.selfheal.harness.engine.ScenarioResult;

/**
 * One scenario's part of a report: its result and what happened.
 *
 * @param result   the result, as the CLI prints it
 * @param timeline what happened after the fault
 * @param leastPrivilege each function's use of its execution role
 */
public record RunReport(ScenarioResult result, Timeline timeline,
                        java.util.List<io.selfheal.harness.iam.LeastPrivilegeReport> leastPrivilege) {

    public RunReport {
        leastPrivilege = leastPrivilege == null ? java.util.List.of() : java.util.List.copyOf(leastPrivilege);
    }

    /** A report without least-privilege tables (a run with no functions). */
    public RunReport(ScenarioResult result, Timeline timeline) {
        this(result, timeline, java.util.List.of());
    }
}
