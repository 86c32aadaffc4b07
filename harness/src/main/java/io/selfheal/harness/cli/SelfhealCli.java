package io.selfheal.harness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code selfheal <command>}. */
@Command(name = "selfheal", mixinStandardHelpOptions = true, version = "selfheal 0.1.0",
        description = "Test self-healing AWS infrastructure locally.",
        subcommands = {RunCommand.class, ValidateCommand.class, ServeCommand.class, EventsCommand.class,
                TestPatternCommand.class, SchemaCommand.class, CleanupCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all scenarios passed (test-pattern: the pattern matches)",
                "1:a scenario failed (test-pattern: the pattern does not match)",
                "2:invalid input: a scenario file with mistakes, a bad option or argument, an invalid pattern"})
public final class SelfhealCli implements Runnable {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int INVALID = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new SelfhealCli());
        cli.getCommandSpec().exitCodeOnInvalidInput(INVALID);
        // @file names a JSON file for test-pattern, not a picocli argument file.
        cli.setExpandAtFiles(false);
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
