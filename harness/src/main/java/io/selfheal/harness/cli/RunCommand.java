package io.selfheal.harness.cli;

import io.selfheal.harness.engine.ScenarioRunner;
import io.selfheal.harness.report.ConsoleSummary;
import io.selfheal.harness.report.ReportCollector;
import io.selfheal.harness.scenario.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code selfheal run [--report DIR] <file|dir>…}: runs scenarios on fresh embedded clouds, one progress line per
 * scenario as it finishes, optionally an HTML report.
 */
@Command(name = "run", description = "Run scenarios and print a pass/fail line for each.")
final class RunCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Scenario files or directories of them.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write an HTML report with a timeline per scenario to DIR/index.html.")
    Path reportDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int[] invalid = {0};
        List<Scenario> scenarios = ScenarioArguments.load(paths, err, invalid);
        ConsoleSummary summary = new ConsoleSummary(out, scenarios.size());
        ReportCollector report = new ReportCollector();
        ScenarioRunner runner = new ScenarioRunner();
        if (reportDir != null) {
            runner.onFinished(report);
        }
        for (Scenario scenario : scenarios) {
            summary.finished(runner.run(scenario));
        }
        summary.totals(invalid[0]);
        if (reportDir != null) {
            try {
                out.println("report: " + report.write(reportDir));
            } catch (IOException e) {
                err.println("could not write the report to " + reportDir + ": " + e);
                return SelfhealCli.FAILED;
            }
            out.flush();
        }
        return invalid[0] > 0 ? SelfhealCli.INVALID : summary.failed() > 0 ? SelfhealCli.FAILED : SelfhealCli.OK;
    }
}
