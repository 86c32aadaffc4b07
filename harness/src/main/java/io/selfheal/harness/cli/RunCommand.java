package io.selfheal.harness.cli;

import io.selfheal.harness.engine.ScenarioResult;
import io.selfheal.harness.engine.ScenarioRunner;
import io.selfheal.harness.scenario.Scenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code selfheal run <file|dir>…}: runs scenarios on fresh embedded clouds, one line per scenario. */
@Command(name = "run", description = "Run scenarios and print a pass/fail line for each.")
final class RunCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Scenario files or directories of them.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int[] invalid = {0};
        List<Scenario> scenarios = ScenarioArguments.load(paths, err, invalid);
        int passed = 0;
        int failed = 0;
        ScenarioRunner runner = new ScenarioRunner();
        for (Scenario scenario : scenarios) {
            ScenarioResult result = runner.run(scenario);
            out.println(line(result));
            out.flush();
            if (result.passed()) {
                passed++;
            } else {
                failed++;
            }
        }
        out.println();
        out.println(passed + " passed, " + (failed + invalid[0]) + " failed"
                + (invalid[0] > 0 ? " (" + invalid[0] + " invalid file" + (invalid[0] == 1 ? "" : "s") + ")" : ""));
        out.flush();
        return invalid[0] > 0 ? SelfhealCli.INVALID : failed > 0 ? SelfhealCli.FAILED : SelfhealCli.OK;
    }

    static String line(ScenarioResult result) {
        String head = String.format("%s  %-40s %6s", result.passed() ? "PASS" : "FAIL", result.name(),
                seconds(result.duration()));
        if (result.passed()) {
            return head + (result.recovery() != null ? "  (outcome held " + seconds(result.recovery()) + " after the fault)" : "");
        }
        return head + "\n      " + result.reason().replace("\n", "\n      ");
    }

    static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
