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

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Run on this AWS endpoint in real time "
            + "instead of embedded clouds: a selfheal serve started elsewhere (its control API is used when it "
            + "answers) or any AWS-compatible endpoint. Credentials and region from the SDK's standard chains.")
    java.net.URI endpointUrl;

    @Option(names = "--real-aws", description = "Run on AWS's own endpoints (a real account): requires "
            + "--confirm-account.")
    boolean realAws;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "The named profile of the AWS config files "
            + "to take credentials and region from (endpoint backend).")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", description = "The region to run in (endpoint backend); "
            + "default: the SDK's region chain (AWS_REGION, the profile).")
    String region;

    @Option(names = "--confirm-account", paramLabel = "ACCOUNT", description = "Refuse to run unless STS "
            + "GetCallerIdentity names this 12-digit account; required against AWS itself.")
    String confirmAccount;

    /** Embedded clouds unless an endpoint was asked for. */
    private java.util.function.Function<Scenario, io.selfheal.harness.backend.Cloud> clouds() {
        if (endpointUrl == null && !realAws) {
            if (profile != null || region != null || confirmAccount != null) {
                throw new ParameterException(spec.commandLine(), "--profile, --region and --confirm-account go "
                        + "with --endpoint-url or --real-aws");
            }
            return io.selfheal.harness.engine.Backends.embedded();
        }
        if (endpointUrl != null && realAws) {
            throw new ParameterException(spec.commandLine(), "give --endpoint-url or --real-aws, not both");
        }
        try {
            return io.selfheal.harness.engine.Backends.endpoint(
                    new io.selfheal.harness.backend.EndpointSettings(endpointUrl, profile, region, confirmAccount));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Override
    public Integer call() {
        if (!backend.equals("embedded") && !backend.equals("localstack")) {
            throw new ParameterException(spec.commandLine(), "--backend is embedded or localstack, was " + backend);
        }
        if (!backend.equals("localstack")) {
            return run(new ScenarioRunner(clouds()));
        }
        if (endpointUrl != null || realAws) {
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
