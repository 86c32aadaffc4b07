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

    public synchronized void add(RunReport report) {
        reports.add(report);
    }

    public synchronized List<RunReport> reports() {
        return List.copyOf(reports);
    }

    /** Writes {@code dir/index.html} (creating {@code dir}) and returns its path. */
    public Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path index = dir.resolve("index.html");
        Files.writeString(index, HtmlReport.render(reports()), StandardCharsets.UTF_8);
        return index;
    }
}
