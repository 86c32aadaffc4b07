package io.selfheal.harness.cli;

import io.selfheal.harness.scenario.Scenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code selfheal validate <file|dir>…}: checks scenario files without running them. */
@Command(name = "validate", description = "Check scenario files without running them.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Scenario files or directories of them.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int[] invalid = {0};
        List<Scenario> scenarios = ScenarioArguments.load(paths, spec.commandLine().getErr(), invalid);
        for (Scenario scenario : scenarios) {
            out.println("OK    " + scenario.name() + "  (" + scenario.file() + ")");
        }
        out.println(scenarios.size() + " valid, " + invalid[0] + " invalid");
        out.flush();
        return invalid[0] > 0 ? SelfhealCli.INVALID : SelfhealCli.OK;
    }
}
