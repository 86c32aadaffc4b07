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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        long started = System.nanoTime();
        Emulator emulator = Emulator.builder().port(port).host(host).region(region).start();
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
        out.println("export AWS_ENDPOINT_URL=" + emulator.endpoint());
        out.flush();
        stopped.await();
        return 0;
    }
}
