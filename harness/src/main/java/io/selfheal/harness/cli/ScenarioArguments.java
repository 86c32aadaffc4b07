package io.selfheal.harness.cli;

import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.ScenarioFiles;
import io.selfheal.harness.scenario.ScenarioLoader;
import io.selfheal.harness.yaml.InvalidFileException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads the scenario files named on the command line, printing every problem of the invalid ones. */
final class ScenarioArguments {
    private ScenarioArguments() {
    }

    /** @return the valid scenarios; {@code invalid} counts the files that were not */
    static List<Scenario> load(List<Path> paths, PrintWriter err, int[] invalid) {
        ScenarioLoader loader = new ScenarioLoader();
        List<Scenario> scenarios = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                err.println(path + ": no such file or directory");
                invalid[0]++;
                continue;
            }
            List<Path> files = ScenarioFiles.find(path);
            if (files.isEmpty()) {
                err.println(path + ": no scenario files (*.yaml, *.yml)");
                invalid[0]++;
            }
            for (Path file : files) {
                try {
                    scenarios.add(loader.load(file));
                } catch (InvalidFileException e) {
                    err.println(e.getMessage());
                    invalid[0]++;
                }
            }
        }
        err.flush();
        return scenarios;
    }
}
