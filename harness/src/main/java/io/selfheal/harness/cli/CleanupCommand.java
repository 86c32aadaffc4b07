package io.selfheal.harness.cli;

import io.selfheal.harness.backend.EndpointCloud;
import io.selfheal.harness.backend.EndpointSettings;
import io.selfheal.harness.runid.CleanupReport;
import io.selfheal.harness.runid.Deletion;
import io.selfheal.harness.runid.Leftovers;
import io.selfheal.harness.runid.RunIdentity;
import io.selfheal.harness.stack.CloudClients;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code selfheal cleanup --run-id ID (--endpoint-url URL | --real-aws) [--profile P] [--region R]
 * [--confirm-account ID] [--dry-run]}: finds what a run left behind (see {@link Leftovers}) and deletes it, printing
 * each resource deleted and each it could not delete.
 */
@Command(name = "cleanup", description = {"Delete what a run on an endpoint left behind, found by its run id (printed"
        + " by selfheal run on the backend line).", "Exit codes: 0 nothing left, 1 something could not be listed or"
        + " deleted, 2 a bad option."})
final class CleanupCommand implements Callable<Integer> {
    @Option(names = "--run-id", required = true, paramLabel = "ID", description = "The run id: 8 hex digits.")
    String runId;

    @Option(names = "--dry-run", description = "List what would be deleted; delete nothing.")
    boolean dryRun;

    @Mixin
    EndpointOptions endpoint = new EndpointOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            RunIdentity.check(runId);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        EndpointSettings settings = endpoint.settings(spec.commandLine());
        if (settings == null) {
            throw new ParameterException(spec.commandLine(), "cleanup needs --endpoint-url or --real-aws: an "
                    + "embedded cloud is gone with its run");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (EndpointCloud cloud = EndpointCloud.account(settings); CloudClients clients = new CloudClients(cloud)) {
            Leftovers.Found found = Leftovers.find(clients, runId);
            out.println("run " + runId + " on " + cloud.describe().replaceFirst(", run id \\w+\\)$", ")") + ": "
                    + found.deletions().size() + " left");
            found.unlisted().forEach(u -> out.println("  could not list " + u));
            if (dryRun) {
                found.deletions().stream().map(Deletion::resource).forEach(r -> out.println("  would delete " + r));
                out.flush();
                return found.unlisted().isEmpty() ? SelfhealCli.OK : SelfhealCli.FAILED;
            }
            CleanupReport report = CleanupReport.run(found.deletions(), clients);
            report.deleted().forEach(r -> out.println("  deleted " + r));
            report.failed().forEach(r -> out.println("  could not delete " + r));
            out.flush();
            return report.failed().isEmpty() && found.unlisted().isEmpty() ? SelfhealCli.OK : SelfhealCli.FAILED;
        } catch (IllegalStateException e) { // another account than the confirmed one
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return SelfhealCli.INVALID;
        }
    }
}
