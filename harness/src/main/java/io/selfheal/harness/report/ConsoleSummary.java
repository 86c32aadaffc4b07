package io.selfheal.harness.report;

import io.selfheal.harness.engine.RunFacts;
import io.selfheal.harness.engine.ScenarioResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * The CLI's progress on a long run: one line per scenario as it finishes ({@code [2/5] ✓ name  MTTR …  wall …}), a
 * failure's reason indented under it, and the totals at the end. Thread-safe: lines never interleave when scenarios
 * finish in parallel.
 */
public final class ConsoleSummary {
    private final PrintWriter out;
    private final int total;
    private final long started = System.nanoTime();
    private int finished;
    private int passed;
    private int failed;
    private int skipped;

    public ConsoleSummary(PrintWriter out, int total) {
        this.out = out;
        this.total = total;
    }

    public synchronized void finished(ScenarioResult result) {
        finished(result, java.util.List.of());
    }

    /** The scenario's line, then each function's least-privilege summary indented under it. */
    public synchronized void finished(ScenarioResult result,
                                      java.util.List<io.selfheal.harness.iam.LeastPrivilegeReport> leastPrivilege) {
        finished++;
        if (result.passed()) {
            passed++;
        } else if (result.isSkipped()) {
            skipped++;
        } else {
            failed++;
        }
        out.println(line(result, finished, total));
        leastPrivilege.forEach(r -> LeastPrivilegeCapture.consoleLines(r).forEach(l -> out.println("      iam " + l)));
        out.flush();
    }

    static String line(ScenarioResult result, int index, int total) {
        String width = String.valueOf(total).length() + "";
        if (result.isSkipped()) {
            return String.format(Locale.ROOT, "[%" + width + "d/%d] ⊘ %-40s  %s", index, total, result.name(),
                    result.skipReason());
        }
        String head = String.format(Locale.ROOT, "[%" + width + "d/%d] %s %-40s  MTTR %-9s  wall %s", index, total,
                result.passed() ? "✓" : "✗", result.name(), Durations.format(result.recovery()),
                Durations.format(result.duration())) + details(result);
        return result.passed() ? head : head + "\n      " + result.reason().replace("\n", "\n      ");
    }

    /**
     * Under a scenario: each check its cloud could not run, with why; and, off the embedded emulator (a
     * pre-production run), the backend, where outcomes were read from, the clock MTTR is on and the request ids of
     * the remediation's calls.
     */
    private static String details(ScenarioResult result) {
        StringBuilder out = new StringBuilder();
        result.skippedChecks().forEach(c -> out.append("\n      ⊘ ").append(c.name()).append(": ").append(c.skipReason()));
        RunFacts facts = result.facts();
        if (facts != null && !facts.embedded()) {
            out.append("\n      backend ").append(facts.backend()).append("; outcomes read from ")
                    .append(facts.observedFrom()).append("; MTTR on the ")
                    .append(facts.realClock() ? "real" : "virtual").append(" clock");
            facts.remediationCalls().forEach(c -> out.append("\n      remediation call ").append(c));
            if (facts.cleanup() != null) {
                out.append("\n      cleanup: ").append(facts.cleanup().summary());
            }
        }
        return out.toString();
    }

    /**
     * Prints the totals: {@code 3 passed, 1 failed (1 invalid file) in 18.6 s}.
     *
     * @param invalid files that could not be read, counted as failed
     */
    public synchronized void totals(int invalid) {
        out.println();
        out.println(passed + " passed, " + (failed + invalid) + " failed"
                + (invalid > 0 ? " (" + invalid + " invalid file" + (invalid == 1 ? "" : "s") + ")" : "")
                + (skipped > 0 ? ", " + skipped + " skipped" : "")
                + " in " + Durations.format(Duration.ofNanos(System.nanoTime() - started)));
        out.flush();
    }

    public synchronized int failed() {
        return failed;
    }
}
