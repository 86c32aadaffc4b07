package io.selfheal.harness.report;

import io.selfheal.harness.engine.CheckResult;
import io.selfheal.harness.engine.ScenarioResult;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The report as one self-contained HTML file: inline CSS, inline SVG, no scripts, no external assets — it can be
 * archived by CI and opened anywhere. A summary table, then per scenario its failure message (if any), its timeline
 * picture and the timeline as a table. All text from runs is escaped.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1b1f24;background:#fff}
            h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 6px}
            table{border-collapse:collapse;margin:8px 0} th,td{border:1px solid #d0d7de;padding:4px 10px;text-align:left;vertical-align:top}
            th{background:#f6f8fa} td.num{text-align:right;font-variant-numeric:tabular-nums}
            .pass{color:#116329;font-weight:600} .fail{color:#b3261e;font-weight:600}
            pre.failure{background:#fff5f5;border:1px solid #f3c4c4;padding:10px;white-space:pre-wrap;overflow-x:auto}
            .muted{color:#57606a} details{margin:6px 0} figure{margin:8px 0;overflow-x:auto}
            svg.timeline{font:12px system-ui,sans-serif;background:#fff}
            svg .band{fill:#f6f8fa;fill-opacity:.6;stroke:#d0d7de;stroke-width:.5}
            svg .lane-title{font-weight:600;fill:#24292f} svg .axis text{fill:#57606a} svg .axis-title{font-style:italic}
            svg .tick{stroke:#d8dee4;stroke-width:1}
            svg .entry text{fill:#24292f} svg .marker{stroke:#fff;stroke-width:1}
            svg .lane-fault .marker{fill:#cf222e} svg .lane-event .marker{fill:#0969da}
            svg .lane-alarm .marker{fill:#bf8700} svg .lane-invocation .marker{fill:#8250df}
            svg .lane-api-call .marker{fill:#1a7f37} svg .lane-recovery .marker{fill:#116329}
            svg .entry.error .marker{fill:#b3261e;stroke:#000} svg .entry.error text{fill:#b3261e;font-weight:600}
            svg .mttr line{stroke:#116329;stroke-width:1.5;stroke-dasharray:4 3} svg .mttr text{fill:#116329;font-weight:600}
            """;

    private HtmlReport() {
    }

    public static String render(List<RunReport> reports) {
        long passed = reports.stream().filter(r -> r.result().passed()).count();
        long skipped = reports.stream().filter(r -> r.result().isSkipped()).count();
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>selfheal report</title><style>").append(CSS).append("</style></head><body>\n")
                .append("<h1>selfheal report</h1><p class=\"muted\" id=\"totals\">").append(passed).append(" passed, ")
                .append(reports.size() - passed - skipped).append(" failed")
                .append(skipped > 0 ? ", " + skipped + " skipped" : "").append("</p>\n");
        summary(html, reports);
        for (int i = 0; i < reports.size(); i++) {
            scenario(html, reports.get(i), i);
        }
        return html.append("</body></html>\n").toString();
    }

    private static void summary(StringBuilder html, List<RunReport> reports) {
        html.append("<table id=\"summary\"><thead><tr><th>scenario</th><th>result</th><th>MTTR</th>")
                .append("<th>wall time</th><th>checks</th></tr></thead><tbody>\n");
        for (int i = 0; i < reports.size(); i++) {
            RunReport r = reports.get(i);
            ScenarioResult result = r.result();
            html.append("<tr><td><a href=\"#scenario-").append(i).append("\">").append(Html.escape(result.name()))
                    .append("</a></td><td>").append(verdict(result)).append("</td><td class=\"num\">")
                    .append(Html.escape(mttr(r))).append("</td><td class=\"num\">")
                    .append(Html.escape(Durations.format(result.duration()))).append("</td><td>")
                    .append(Html.escape(checks(result))).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void scenario(StringBuilder html, RunReport report, int index) {
        ScenarioResult result = report.result();
        Timeline timeline = report.timeline();
        html.append("<section class=\"scenario\" id=\"scenario-").append(index).append("\"><h2>")
                .append(Html.escape(result.name())).append(" — ").append(verdict(result)).append("</h2>")
                .append("<p class=\"muted\">").append(Html.escape(String.valueOf(result.file())))
                .append(" · MTTR ").append(Html.escape(mttr(report))).append(" · wall time ")
                .append(Html.escape(Durations.format(result.duration()))).append("</p>\n");
        if (result.isSkipped()) {
            html.append("<p class=\"muted\">Not run: ").append(Html.escape(result.skipReason())).append("</p>\n");
        } else if (!result.passed()) {
            html.append("<pre class=\"failure\">").append(Html.escape(result.reason())).append("</pre>\n");
        }
        facts(html, result);
        LeastPrivilegeTable.render(html, report.leastPrivilege());
        if (result.isSkipped()) {
            html.append("</section>\n");
            return;
        }
        if (timeline.origin() == null) {
            html.append("<p class=\"muted\">No timeline: the run broke before the fault.</p></section>\n");
            return;
        }
        html.append("<figure>").append(TimelineSvg.render(timeline, "timeline-" + index)).append("</figure>\n")
                .append("<details><summary>").append(timeline.entries().size())
                .append(" timeline entries</summary><table class=\"entries\"><thead><tr><th>at</th><th>lane</th>")
                .append("<th>what</th><th>detail</th></tr></thead><tbody>\n");
        for (TimelineEntry e : timeline.entries()) {
            html.append("<tr").append(e.error() ? " class=\"fail\"" : "").append("><td class=\"num\">+")
                    .append(Html.escape(Durations.format(e.at()))).append("</td><td>")
                    .append(Html.escape(e.lane().title())).append("</td><td>").append(Html.escape(e.label()))
                    .append("</td><td><pre>").append(Html.escape(e.detail())).append("</pre></td></tr>\n");
        }
        html.append("</tbody></table></details></section>\n");
    }

    /**
     * The checks the cloud could not run, with why; off the embedded emulator also the backend, where outcomes were
     * read from, the clock and the request ids of the remediation's calls (to find them in the account's CloudTrail).
     */
    private static void facts(StringBuilder html, ScenarioResult result) {
        io.selfheal.harness.engine.RunFacts facts = result.facts();
        boolean preProduction = facts != null && !facts.embedded();
        if (result.skippedChecks().isEmpty() && !preProduction) {
            return;
        }
        html.append("<table class=\"facts\"><tbody>\n");
        if (preProduction) {
            row(html, "backend", facts.backend());
            row(html, "outcomes read from", facts.observedFrom());
            row(html, "clock", facts.realClock() ? "real (MTTR is real time)" : "virtual");
            row(html, "remediation calls", facts.remediationCalls().isEmpty() ? "none"
                    : String.join("\n", facts.remediationCalls()));
            if (facts.cleanup() != null) {
                row(html, "cleanup", facts.cleanup().summary());
            }
        }
        for (CheckResult c : result.checks()) {
            row(html, "check " + c.name(), c.isSkipped() ? "⊘ skipped: " + c.skipReason() : c.passed() ? "✓ ran" : "✗ ran");
        }
        html.append("</tbody></table>\n");
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(Html.escape(name)).append("</th><td><pre>").append(Html.escape(value))
                .append("</pre></td></tr>\n");
    }

    private static String verdict(ScenarioResult result) {
        return result.isSkipped() ? "<span class=\"muted\">⊘ skipped</span>" : verdict(result.passed());
    }

    private static String verdict(boolean passed) {
        return passed ? "<span class=\"pass\">✓ passed</span>" : "<span class=\"fail\">✗ failed</span>";
    }

    private static String mttr(RunReport report) {
        Duration mttr = report.result().recovery();
        return mttr == null ? "—" : Durations.format(mttr) + (report.timeline().virtualTime() ? " (virtual)" : "");
    }

    private static String checks(ScenarioResult result) {
        if (result.error() != null) {
            return "broken before the checks";
        }
        return result.checks().stream().map(HtmlReport::checkLine).collect(Collectors.joining(", "));
    }

    private static String checkLine(CheckResult c) {
        return c.name() + (c.isSkipped() ? " ⊘" : c.passed() ? " ✓" : " ✗");
    }
}
