/**
 * What a run looked like, after the fact: {@link io.selfheal.harness.report.Timeline} (captured from a finished
 * {@code ScenarioRun} out of the cloud's event, invocation and API call records), a self-contained HTML report with
 * an inline-SVG timeline per scenario ({@link io.selfheal.harness.report.HtmlReport}), and the CLI's console
 * progress lines ({@link io.selfheal.harness.report.ConsoleSummary}).
 */
package io.selfheal.harness.report;
