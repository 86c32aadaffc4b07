package io.selfheal.harness.cli;

import io.selfheal.emulator.Emulator;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code selfheal serve}: the emulator alone, for the AWS CLI, boto3 or any SDK. Stops on Ctrl-C. */
@Command(name = "serve", description = "Run the AWS emulator standalone until interrupted.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", description = "Port to listen on (0 = any free port). Default: ${DEFAULT-VALUE}.")
    int port = Emulator.DEFAULT_PORT;

    @Option(names = "--host", description = "Address to bind. Default: ${DEFAULT-VALUE} (loopback only).")
    String host = Emulator.DEFAULT_HOST;

    @Option(names = "--region", description = "Region of unsigned requests. Default: ${DEFAULT-VALUE}.")
    String region = Emulator.DEFAULT_REGION;

    @Option(names = "--retain", paramLabel = "HISTORY=ENTRIES[:BYTES]",
            description = "Bound one history (calls, events, invocations, cloudtrail), e.g. calls=20000:16MiB; the "
                    + "oldest entries go first and GET /_selfheal/retention counts them. Repeatable. Defaults hold "
                    + "a day of serve (see docs/architecture.md).")
    java.util.List<String> retain = new java.util.ArrayList<>();

    @Option(names = "--events-backlog", paramLabel = "EVENTS",
            description = "At most this many accepted events wait for delivery; beyond, PutEvents answers "
                    + "ThrottlingException (SDKs retry it). Default: ${DEFAULT-VALUE}.")
    int eventsBacklog = io.selfheal.emulator.core.EventsBacklog.DEFAULT.events();

    @Option(names = "--virtual-clock", arity = "0..1", paramLabel = "START", fallbackValue = "now",
            description = "Run on a virtual clock that stands still until POST /_selfheal/clock/advance?ms= moves it "
                    + "(retries, alarms and schedules then take no real time); START is an ISO-8601 instant, "
                    + "default now.")
    String virtualClock;

    @Option(names = "--iam-mode", paramLabel = "MODE",
            description = "IAM for calls by IAM users and role sessions (functions' execution roles): off (nothing "
                    + "checked), audit (decisions recorded: GET /_selfheal/iam/decisions) or enforce (denied calls "
                    + "answer AWS's access-denied error). Root keys are never checked. Default: ${DEFAULT-VALUE}.")
    String iamMode = "off";

    @Option(names = "--aws-only", description = "No control API: /_selfheal/ paths answer as AWS answers a path no "
            + "operation serves, so a client cannot tell this port from AWS (for testing the endpoint backend).")
    boolean awsOnly;

    @Spec
    CommandSpec spec;

    private java.time.Instant virtualStart() {
        if (virtualClock.equals("now")) {
            return java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }
        try {
            return java.time.Instant.parse(virtualClock);
        } catch (java.time.format.DateTimeParseException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--virtual-clock takes an ISO-8601 instant such as 2026-01-01T00:00:00Z, not " + virtualClock);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        long started = System.nanoTime();
        io.selfheal.emulator.core.Retention retention = io.selfheal.emulator.core.Retention.defaults();
        try {
            for (String assignment : retain) {
                retention = retention.with(assignment);
            }
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--retain: " + e.getMessage());
        }
        if (eventsBacklog < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--events-backlog must be at least 1, got " + eventsBacklog);
        }
        io.selfheal.emulator.core.authz.IamMode mode;
        try {
            mode = io.selfheal.emulator.core.authz.IamMode.parse(iamMode);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--iam-mode: " + e.getMessage());
        }
        Emulator.Builder builder = Emulator.builder().port(port).host(host).region(region).retention(retention)
                .eventsBacklog(eventsBacklog).iamMode(mode);
        if (virtualClock != null) {
            builder.clock(new io.selfheal.emulator.core.VirtualClock(virtualStart()));
        }
        Emulator emulator = (awsOnly ? builder.withoutControlApi() : builder).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "selfheal-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("selfheal emulator listening on %s (account %s, region %s), started in %d ms%n",
                emulator.endpoint(), emulator.accountId(), emulator.region(), (System.nanoTime() - started) / 1_000_000);
        out.println("services: " + String.join(", ", emulator.services().all().stream()
                .map(s -> s.descriptor().signingName()).toList()));
        if (virtualClock != null) {
            out.println("virtual clock at " + emulator.control().clock().now()
                    + ": advance it with POST /_selfheal/clock/advance?ms=");
        }
        out.println("IAM: " + mode.wireName());
        out.println(awsOnly ? "control API: off (--aws-only)"
                : "control API: " + emulator.endpoint() + "/_selfheal/ (GET /_selfheal/capabilities lists it)");
        out.println("export AWS_ENDPOINT_URL=" + emulator.endpoint());
        out.flush();
        stopped.await();
        return 0;
    }
}
