package io.selfheal.harness.cli;

import io.selfheal.harness.engine.ScenarioResult;
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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code selfheal run [--tags …] [--parallel N] [--report DIR] [--endpoint-url URL | --real-aws] [--profile P]
 * [--region R] [--confirm-account ID] <file|dir>…}: runs scenarios on fresh embedded clouds (or on an endpoint), one
 * progress line per scenario in file order, optionally an HTML report.
 */
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

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write an HTML report with a timeline per scenario to DIR/index.html.")
    Path reportDir;

    @Option(names = "--backend", paramLabel = "NAME", description = "Where scenarios run: embedded (a fresh emulator"
            + " per scenario, the default) or localstack (LocalStack started through Testcontainers; needs a Docker"
            + " engine, passes LOCALSTACK_AUTH_TOKEN on).")
    String backend = "embedded";

    @Option(names = "--localstack-image", paramLabel = "IMAGE", description = "With --backend localstack: the image"
            + " (any LocalStack-compatible one); default SELFHEAL_LOCALSTACK_IMAGE or "
            + io.selfheal.harness.localstack.LocalStackSettings.DEFAULT_IMAGE + ".")
    String localStackImage;

    @picocli.CommandLine.Mixin
    EndpointOptions endpoint = new EndpointOptions();

    @Option(names = "--plan", description = "Print, per scenario, every AWS call its provisioning would make (service,"
            + " operation, the names it gives), calling none: provisioning runs against a throwaway embedded emulator"
            + " through recording clients, named as on the chosen backend.")
    boolean plan;

    /** Embedded clouds unless an endpoint was asked for. */
    private java.util.function.Function<Scenario, io.selfheal.harness.backend.Cloud> clouds() {
        io.selfheal.harness.backend.EndpointSettings settings = endpoint.settings(spec.commandLine());
        return settings == null ? io.selfheal.harness.engine.Backends.embedded()
                : io.selfheal.harness.engine.Backends.endpoint(settings);
    }

    @Override
    public Integer call() {
        if (plan) {
            return plan();
        }
        if (!backend.equals("embedded") && !backend.equals("localstack")) {
            throw new ParameterException(spec.commandLine(), "--backend is embedded or localstack, was " + backend);
        }
        if (!backend.equals("localstack")) {
            return run(new ScenarioRunner(clouds()));
        }
        if (endpoint.given()) {
            throw new ParameterException(spec.commandLine(), "--backend localstack starts its own endpoint: "
                    + "no --endpoint-url or --real-aws with it");
        }
        io.selfheal.harness.localstack.LocalStackBackend localStack;
        try {
            localStack = io.selfheal.harness.localstack.LocalStackBackend.start(
                    new io.selfheal.harness.localstack.TestcontainersLocalStack(
                            io.selfheal.harness.localstack.LocalStackSettings.from(localStackImage,
                                    System.getenv())));
        } catch (io.selfheal.harness.localstack.NoDockerEngineException e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return SelfhealCli.INVALID;
        }
        try (localStack) {
            spec.commandLine().getOut().println("backend: " + localStack.describe());
            return run(localStack.runner());
        }
    }

    /** {@code --plan}: each selected scenario's provisioning calls, made against a stand-in (see ProvisioningPlan). */
    private Integer plan() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int[] invalid = {0};
        boolean named = endpoint.settings(spec.commandLine()) != null;
        List<Scenario> scenarios = ScenarioArguments.load(paths, err, invalid).stream()
                .filter(TagFilter.parse(tags)::selects).toList();
        boolean broken = false;
        for (Scenario scenario : scenarios) {
            io.selfheal.harness.runid.RunIdentity identity = named ? new io.selfheal.harness.runid.RunIdentity(
                    io.selfheal.harness.runid.RunIdentity.newRunId(), scenario.name()) : null;
            var plan = io.selfheal.harness.engine.ProvisioningPlan.of(scenario, identity);
            out.println("plan: " + scenario.name() + " (" + scenario.file() + ")" + (identity == null ? ""
                    : ", names and tags as run id " + identity.runId() + " would give them (each run draws its own)"));
            int n = 0;
            for (var call : plan.calls()) {
                out.println(String.format("  %3d. %s", ++n, call));
            }
            out.println("  " + n + " calls; ids and ARNs in later calls are a stand-in's, nothing was called on "
                    + (named ? "the endpoint" : "a cloud of yours"));
            if (plan.error() != null) {
                out.println("  provisioning would stop here: " + plan.error());
                broken = true;
            }
        }
        out.flush();
        return invalid[0] > 0 ? SelfhealCli.INVALID : broken ? SelfhealCli.FAILED : SelfhealCli.OK;
    }

    private Integer run(ScenarioRunner runner) {
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
        ConsoleSummary summary = new ConsoleSummary(out, scenarios.size());
        ReportCollector report = new ReportCollector();
        // Read while each run's cloud is open; the summary prints in file order once its run is done.
        java.util.Map<ScenarioResult, java.util.List<io.selfheal.harness.iam.LeastPrivilegeReport>> leastPrivilege =
                java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
        runner.onFinished((run, result) -> {
            leastPrivilege.put(result, io.selfheal.harness.report.LeastPrivilegeCapture.of(run));
            if (reportDir != null) {
                report.accept(run, result);
            }
        });
        ScenarioBatch.run(scenarios, parallel, runner::run,
                result -> {
                    if (result.isSkipped() && reportDir != null) {
                        report.skipped(result);
                    }
                    summary.finished(result, leastPrivilege.getOrDefault(result, java.util.List.of()));
                });
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
