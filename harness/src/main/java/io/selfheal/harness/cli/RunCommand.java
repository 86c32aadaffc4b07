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
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code selfheal run <file|dir>…}: runs scenarios on fresh embedded clouds, one line per scenario. */
@Command(name = "run", description = {"Run scenarios and print a pass/fail line for each, in file order.",
        "Exit codes: 0 all passed, 1 a scenario failed, 2 invalid input (a file with mistakes, no scenario selected,"
                + " a bad option)."})
final class RunCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Scenario files or directories of them.")
    List<Path> paths;

    @Option(names = "--tags", split = ",", paramLabel = "TAG", description = "Run only scenarios tagged with any of"
            + " these; !TAG leaves out scenarios tagged TAG (e.g. --tags ec2,!slow).")
    List<String> tags = List.of();

    @Option(names = "--parallel", paramLabel = "N", description = "Run up to N scenarios at once, each on its own"
            + " cloud; output stays in file order. Default: ${DEFAULT-VALUE}.")
    int parallel = 1;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int[] invalid = {0};
        if (parallel < 1) {
            throw new ParameterException(spec.commandLine(), "--parallel must be at least 1, was " + parallel);
        }
        List<Scenario> scenarios = ScenarioArguments.load(paths, err, invalid);
        TagFilter filter = TagFilter.parse(tags);
        scenarios = scenarios.stream().filter(filter::selects).toList();
        if (scenarios.isEmpty() && !filter.isEmpty() && invalid[0] == 0) {
            err.println("no scenario is tagged " + filter);
            err.flush();
            return SelfhealCli.INVALID;
        }
        ScenarioRunner runner = new ScenarioRunner();
        List<ScenarioResult> results = ScenarioBatch.run(scenarios, parallel, runner::run, result -> {
            out.println(line(result));
            out.flush();
        });
        int passed = (int) results.stream().filter(ScenarioResult::passed).count();
        int failed = results.size() - passed;
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
