package io.selfheal.harness.report;

import io.selfheal.harness.engine.ScenarioResult;
import io.selfheal.harness.engine.ScenarioRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Gathers finished runs (thread-safe, so scenarios may run in parallel) and writes them as {@code index.html}. Hand it
 * to {@code ScenarioRunner#onFinished}, or call {@link #accept} from a test engine while the run's cloud is open.
 */
public final class ReportCollector implements BiConsumer<ScenarioRun, ScenarioResult> {
    private final List<RunReport> reports = new ArrayList<>();

    @Override
    public void accept(ScenarioRun run, ScenarioResult result) {
        add(new RunReport(result, TimelineCapture.of(run), LeastPrivilegeCapture.of(run)));
    }

    /** A scenario that did not run (its cloud lacks what it needs): in the report with its reason, no timeline. */
    public void skipped(ScenarioResult result) {
        add(new RunReport(result, Timeline.none(false)));
    }

    public synchronized void add(RunReport report) {
        reports.add(report);
    }

    public synchronized List<RunReport> reports() {
        return List.copyOf(reports);
    }

    /**
     * Writes {@code dir/index.html} and, for tools, the same results as {@code dir/report.json} (creating
     * {@code dir}); returns the HTML's path.
     */
    public Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path index = dir.resolve("index.html");
        List<RunReport> all = reports();
        Files.writeString(index, HtmlReport.render(all), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.json"), JsonReport.render(all), StandardCharsets.UTF_8);
        return index;
    }
}
