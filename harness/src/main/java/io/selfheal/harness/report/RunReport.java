package io.selfheal.harness.report;

import io.selfheal.harness.engine.ScenarioResult;

/**
 * One scenario's part of a report: its result and what happened.
 *
 * @param result   the result, as the CLI prints it
 * @param timeline what happened after the fault
 */
public record RunReport(ScenarioResult result, Timeline timeline) {
}
