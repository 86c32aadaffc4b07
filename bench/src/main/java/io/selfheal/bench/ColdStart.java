package io.selfheal.bench;

import io.selfheal.emulator.Emulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * Cold starts per runtime, through the SDK (a command, not JMH: each sample needs a fresh sandbox). For each runtime,
 * N rounds of CreateFunction then a first invoke, printing the medians of: CreateFunction's round trip (the function
 * is Active when it returns), the first invoke's round trip, and the REPORT line's Init Duration (process start to
 * the runtime's first {@code next}, handler imported: {@code import boto3} for Python) and the CPU time the sandbox
 * process used up to the end of its first invocation (load-independent, unlike the wall times). Java sandboxes use the
 * machine's class-data archive of their code when an earlier run made one; {@code -Dselfheal.lambda.javaCdsCache=off}
 * measures without. With the remediations jar as
 * argument, the real RebootOnHighCpu is measured too, rebooting a running instance (its SDK's first calls included).
 *
 * <pre>java -cp bench/target/benchmarks.jar io.selfheal.bench.ColdStart [remediations/target/remediations-lambda.jar] [rounds]</pre>
 */
public final class ColdStart {
    private static final Pattern INIT = Pattern.compile("Init Duration: ([0-9.]+) ms");

    private ColdStart() {
    }

    public static void main(String[] args) throws IOException {
        Path remediation = args.length > 0 ? Path.of(args[0]) : null;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.printf("%-28s %14s %16s %16s %18s%n", "function", "create (ms)", "cold invoke (ms)", "init (ms)",
                "sandbox CPU (ms)");
        try (Emulator emulator = Emulator.startOnFreePort();
             LambdaClient lambda = BenchClients.of(LambdaClient.builder(), emulator);
             Ec2Client ec2 = BenchClients.of(Ec2Client.builder(), emulator)) {
            BenchClients.lambdaRole(emulator, "bench");
            for (String runtime : List.of("python3.12", "nodejs20.x", "java17")) {
                EchoFunctions.Package echo = EchoFunctions.of(runtime);
                measure(lambda, "echo " + runtime, runtime, echo.handler(), echo.zip(), () -> "{}", rounds);
            }
            if (remediation != null) {
                byte[] jar = Files.readAllBytes(remediation);
                measure(lambda, "RebootOnHighCpu (java17)", "java17",
                        "io.selfheal.remediations.RebootOnHighCpu::handleRequest", jar, () -> {
                            String id = ec2.runInstances(r -> r.imageId("ami-0abcdef1234567890")
                                    .instanceType("t3.micro").minCount(1).maxCount(1)).instances().get(0).instanceId();
                            return "{\"instance_id\":\"" + id + "\"}";
                        }, rounds);
            }
        }
    }

    private static void measure(LambdaClient lambda, String label, String runtime, String handler, byte[] zip,
                                java.util.function.Supplier<String> payload, int rounds) {
        List<Double> creates = new ArrayList<>();
        List<Double> invokes = new ArrayList<>();
        List<Double> inits = new ArrayList<>();
        List<Double> cpus = new ArrayList<>();
        for (int i = 0; i < rounds + 1; i++) {
            String name = "cold-" + runtime.replace('.', '-') + "-" + label.length() + "-" + i;
            long t0 = System.nanoTime();
            lambda.createFunction(r -> r.functionName(name).runtime(runtime).handler(handler).timeout(30)
                    .memorySize(512).role("arn:aws:iam::123456789012:role/bench")
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(zip))));
            long t1 = System.nanoTime();
            String event = payload.get();
            long t2 = System.nanoTime();
            InvokeResponse r = lambda.invoke(b -> b.functionName(name).logType(LogType.TAIL)
                    .payload(SdkBytes.fromUtf8String(event)));
            long t3 = System.nanoTime();
            if (r.functionError() != null) {
                throw new IllegalStateException(label + " failed: " + r.payload().asUtf8String());
            }
            Matcher m = INIT.matcher(new String(Base64.getDecoder().decode(r.logResult()), StandardCharsets.UTF_8));
            if (i > 0) { // the first round warms the emulator and the client, as JMH's warm-up would
                creates.add((t1 - t0) / 1e6);
                invokes.add((t3 - t2) / 1e6);
                inits.add(m.find() ? Double.parseDouble(m.group(1)) : Double.NaN);
                cpus.add(sandboxCpuMs());
            }
            lambda.deleteFunction(d -> d.functionName(name));
        }
        System.out.printf("%-28s %14.0f %16.0f %16.0f %18.0f%n", label, median(creates), median(invokes), median(inits),
                median(cpus));
    }

    /**
     * CPU (user + system) the live sandbox processes used so far: on a loaded machine the wall times above measure
     * the machine, this the work a cold start costs. Each round deletes its function, so one sandbox is alive here.
     */
    private static double sandboxCpuMs() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("AWSLambda") || c.contains("bootstrap"))
                        .orElse(false))
                .mapToDouble(p -> p.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN))
                .sum();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
