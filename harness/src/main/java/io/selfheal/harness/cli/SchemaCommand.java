package io.selfheal.harness.cli;

import io.selfheal.harness.scenario.ScenarioSchema;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code selfheal schema}: prints the JSON Schema of scenario files, for editors
 * ({@code selfheal schema > scenario.schema.json}; see docs/scenarios.md).
 */
@Command(name = "schema", description = "Print the JSON Schema (draft 2020-12) of scenario files, for editors.")
final class SchemaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(ScenarioSchema.text());
        out.flush();
        return SelfhealCli.OK;
    }
}
