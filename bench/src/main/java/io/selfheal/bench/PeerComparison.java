package io.selfheal.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * {@code selfheal serve} side by side with moto 5's server ({@code python3 -m moto.server}), both as processes on
 * loopback, driven by the same lean HTTP client: start-up (process start until the first successful PutEvents),
 * resident memory idle and after the load, and, in interleaved timed rounds, PutEvents (one entry; 100 rules on the
 * default bus) over 1 and 4 connections and TestEventPattern over 1, each with the server's own CPU time per call.
 * Prints a Markdown table of medians and ratios. Skips (exit 0, with a message) when moto cannot be imported.
 * {@code --peer baseline --baseline-jar old/selfheal.jar [--baseline-opts "<JVM options>"]} compares two builds (or
 * two JVM settings) of selfheal the same way instead.
 *
 * <pre>bench/peer-comparison.sh [--rounds 5] [--seconds 3] [--warmup 10] [--starts 3] [--rules numeric|source]
 *     [--peer none] [--only PutEvents] [--selfheal-opts "-XX:StartFlightRecording=filename=x.jfr"]
 *     [--python python3] [--jar harness/target/selfheal.jar]</pre>
 */
public final class PeerComparison {
    /** The whole run stops by itself after this, whatever happens. */
    private static final long HARD_LIMIT_MINUTES = 20;
    private static final int RULES = 100;
    private static final long WARMUP_CALLS = 30_000;
    private static final String TEST_PATTERN_WORKLOAD = "TestEventPattern, 1 connection";

    private static final byte[] PUT_EVENTS = KeepAliveConnection.awsJsonRequest("AWSEvents.PutEvents", "events",
            "{\"Entries\":[{\"Source\":\"bench.app42\",\"DetailType\":\"Bench\","
                    + "\"Detail\":\"{\\\"level\\\": 99, \\\"message\\\": \\\"cpu high\\\"}\"}]}");
    private static final byte[] TEST_EVENT_PATTERN = KeepAliveConnection.awsJsonRequest(
            "AWSEvents.TestEventPattern", "events",
            "{\"EventPattern\":\"{\\\"source\\\":[\\\"bench.app42\\\"],\\\"detail\\\":{\\\"level\\\":"
                    + "[{\\\"numeric\\\":[\\\">\\\",42]}]}}\",\"Event\":\"{\\\"id\\\":\\\"e4f1c1a6-0000-4000-8000-"
                    + "000000000001\\\",\\\"account\\\":\\\"123456789012\\\",\\\"source\\\":\\\"bench.app42\\\","
                    + "\\\"time\\\":\\\"2026-01-01T00:00:00Z\\\",\\\"region\\\":\\\"us-east-1\\\",\\\"resources\\\":[],"
                    + "\\\"detail-type\\\":\\\"Bench\\\",\\\"detail\\\":{\\\"level\\\":99,"
                    + "\\\"message\\\":\\\"cpu high\\\"}}\"}");

    private final Map<String, String> options;
    private final Path logs;

    private PeerComparison(Map<String, String> options) throws IOException {
        this.options = options;
        this.logs = Files.createTempDirectory("selfheal-peer-bench");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("rounds", "5", "seconds", "3", "warmup", "10",
                "starts", "3", "peer", "moto", "python", "python3", "jar", "harness/target/selfheal.jar"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(HARD_LIMIT_MINUTES));
                System.err.println("peer comparison: hard limit of " + HARD_LIMIT_MINUTES + " minutes reached");
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException done) {
                Thread.currentThread().interrupt();
            }
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        new PeerComparison(options).run();
    }

    private void run() throws Exception {
        String peer = options.get("peer");
        boolean withPeer = !peer.equals("none");
        if (peer.equals("moto")) {
            String missing = motoMissing();
            if (missing != null) {
                System.out.println("moto 5 is not available here (" + missing + "): the side-by-side comparison is"
                        + " skipped. Install it (pip install 'moto[server]>=5') or pass --python <interpreter>.");
                return;
            }
        }
        if (!Files.isRegularFile(Path.of(options.get("jar")))) {
            System.out.println("no " + options.get("jar") + ": build it first (mvn -B -q -DskipTests package)");
            System.exit(2);
        }
        System.out.printf(Locale.ROOT, "machine: %d cores, load average before: %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage());
        // --peer baseline --baseline-jar <older selfheal.jar>: a before/after comparison of two builds, same run.
        List<String> servers = withPeer ? List.of("selfheal", peer) : List.of("selfheal");
        Map<String, List<Double>> startups = measureStartups(servers, integer("starts"));

        Map<String, ServerProcess> running = new LinkedHashMap<>();
        Map<String, Long> rssIdle = new LinkedHashMap<>();
        try {
            for (String name : servers) {
                ServerProcess server = start(name);
                server.awaitFirstCall(PUT_EVENTS, 120_000);
                running.put(name, server);
            }
            Thread.sleep(2000);
            Map<String, byte[]> requests = new LinkedHashMap<>();
            requests.put("PutEvents, 1 connection", PUT_EVENTS);
            requests.put("PutEvents, 4 connections", PUT_EVENTS);
            requests.put(TEST_PATTERN_WORKLOAD, TEST_EVENT_PATTERN);
            // --only PutEvents: a subset of the rows, by substring (e.g. while profiling one request).
            requests.keySet().removeIf(w -> !w.contains(options.getOrDefault("only", "")));
            Map<String, String> unsupported = new LinkedHashMap<>();
            for (ServerProcess server : running.values()) {
                rssIdle.put(server.name(), server.rssKib());
                createRules(server);
                String wrongAnswer = testEventPatternAnswer(server);
                if (wrongAnswer != null) {
                    unsupported.put(server.name(), wrongAnswer);
                    System.out.println(server.name() + " is not measured on TestEventPattern: " + wrongAnswer);
                }
            }
            Map<String, Map<String, List<LoadRound>>> results = new LinkedHashMap<>();
            for (ServerProcess server : running.values()) {
                for (Map.Entry<String, byte[]> r : requests.entrySet()) {
                    if (measured(r.getKey(), server, unsupported)) {
                        warmUp(server, r.getValue(), connections(r.getKey()));
                    }
                }
            }
            int rounds = integer("rounds");
            for (int round = 0; round < rounds; round++) {
                List<ServerProcess> order = new ArrayList<>(running.values());
                if (round % 2 == 1) {
                    java.util.Collections.reverse(order);
                }
                for (Map.Entry<String, byte[]> r : requests.entrySet()) {
                    for (ServerProcess server : order) {
                        if (!measured(r.getKey(), server, unsupported)) {
                            continue;
                        }
                        LoadRound result = LoadRound.run(server, r.getValue(), connections(r.getKey()),
                                decimal("seconds"));
                        results.computeIfAbsent(r.getKey(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(server.name(), k -> new ArrayList<>()).add(result);
                        System.out.printf(Locale.ROOT, "round %d  %-32s %-9s %8.0f calls/s  %7.1f µs server CPU"
                                        + "/call (%.1f of it in the kernel)  %d failed%n", round + 1, r.getKey(),
                                server.name(), result.callsPerSecond(), result.serverMicrosPerCall(),
                                result.systemMicrosPerCall(), result.failures());
                    }
                }
            }
            Map<String, Long> rssLoaded = new LinkedHashMap<>();
            running.values().forEach(s -> rssLoaded.put(s.name(), s.rssKib()));
            System.out.printf(Locale.ROOT, "load average after: %s%n%n", loadAverage());
            print(servers, startups, rssIdle, rssLoaded, results);
            unsupported.forEach((name, answer) -> System.out.println("\n" + name + " was not measured on"
                    + " TestEventPattern: " + answer));
        } finally {
            running.values().forEach(ServerProcess::close);
        }
    }

    /**
     * At least {@code --warmup} seconds and, within a minute, {@value #WARMUP_CALLS} calls: on a busy machine a
     * few seconds leave a JVM still compiling its hot path, and the rounds would time the JIT.
     */
    private void warmUp(ServerProcess server, byte[] request, int connections) throws InterruptedException {
        long calls = LoadRound.run(server, request, connections, decimal("warmup")).calls();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (calls < WARMUP_CALLS && System.nanoTime() < deadline) {
            calls += LoadRound.run(server, request, connections, 2).calls();
        }
    }

    private Map<String, List<Double>> measureStartups(List<String> servers, int starts) throws Exception {
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        for (int i = 0; i < starts; i++) {
            for (String name : servers) {
                try (ServerProcess server = start(name)) {
                    double ms = server.awaitFirstCall(PUT_EVENTS, 120_000);
                    millis.computeIfAbsent(name, k -> new ArrayList<>()).add(ms);
                    System.out.printf(Locale.ROOT, "start %d  %-9s first successful PutEvents after %.0f ms%n",
                            i + 1, name, ms);
                }
            }
        }
        return millis;
    }

    private ServerProcess start(String name) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        if (name.equals("selfheal") || name.equals("baseline")) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // The collector bin/selfheal starts the emulator with, unless the options name one.
            String jvmOptions = options.getOrDefault(name.equals("selfheal") ? "selfheal-opts" : "baseline-opts", "");
            if (!jvmOptions.matches(".*-XX:\\+Use\\w*GC.*")) {
                command.add("-XX:+UseSerialGC");
            }
            if (!jvmOptions.isBlank()) {
                command.addAll(Arrays.asList(jvmOptions.trim().split("\\s+")));
            }
            String jar = options.get(name.equals("selfheal") ? "jar" : "baseline-jar");
            command.addAll(List.of("-jar", jar, "serve", "--port", Integer.toString(port)));
        } else {
            command.addAll(List.of(options.get("python"), "-m", "moto.server", "-p", Integer.toString(port)));
        }
        return ServerProcess.start(name, port, command, logs.resolve(name + ".log"));
    }

    /** Null when {@code python -m moto.server} can run, else why not. */
    private String motoMissing() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder(options.get("python"), "-c",
                    "import moto, moto.server; assert int(moto.__version__.split('.')[0]) >= 5, moto.__version__")
                    .redirectErrorStream(true).start();
            if (!probe.waitFor(60, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return "importing moto took over a minute";
            }
            String output = new String(probe.getInputStream().readAllBytes()).trim();
            if (probe.exitValue() != 0) {
                String[] lines = output.split("\n");
                return lines[lines.length - 1];
            }
            return null;
        } catch (IOException e) {
            return options.get("python") + ": " + e.getMessage();
        }
    }

    /**
     * The same 100 rules as the JMH benchmark, one of which matches the benchmark's event; {@code --rules source}
     * drops their numeric condition (100 overlapping numeric ranges are Event Ruler's costliest case).
     */
    private void createRules(ServerProcess server) throws IOException {
        boolean numeric = !options.getOrDefault("rules", "numeric").equals("source");
        try (KeepAliveConnection connection = new KeepAliveConnection(server.port())) {
            for (int i = 0; i < RULES; i++) {
                String level = numeric
                        ? ",\\\"detail\\\":{\\\"level\\\":[{\\\"numeric\\\":[\\\">\\\"," + i + "]}]}" : "";
                String pattern = "{\\\"source\\\":[\\\"bench.app" + i + "\\\"]" + level + "}";
                byte[] putRule = KeepAliveConnection.awsJsonRequest("AWSEvents.PutRule", "events",
                        "{\"Name\":\"bench-rule-" + i + "\",\"EventPattern\":\"" + pattern + "\"}");
                if (connection.exchange(putRule) != 200) {
                    throw new IllegalStateException(server.name() + " refused PutRule: " + connection.lastBody());
                }
            }
        }
    }

    /**
     * Null when the server answers that the pattern matches; else what it answered. A server that does not really
     * match (moto 5.2 answers an empty 200: not implemented) is left out of that row rather than timed doing nothing.
     */
    private static String testEventPatternAnswer(ServerProcess server) throws IOException {
        try (KeepAliveConnection connection = new KeepAliveConnection(server.port())) {
            int status = connection.exchange(TEST_EVENT_PATTERN);
            String body = connection.lastBody();
            if (status == 200 && body.replace(" ", "").contains("\"Result\":true")) {
                return null;
            }
            return "it answered " + status + " with " + (body.isEmpty() ? "an empty body" : body)
                    + " instead of {\"Result\": true}";
        }
    }

    private static boolean measured(String workload, ServerProcess server, Map<String, String> unsupported) {
        return !(workload.equals(TEST_PATTERN_WORKLOAD) && unsupported.containsKey(server.name()));
    }

    private static void print(List<String> servers, Map<String, List<Double>> startups, Map<String, Long> rssIdle,
                              Map<String, Long> rssLoaded, Map<String, Map<String, List<LoadRound>>> results) {
        String peer = servers.size() > 1 ? servers.get(1) : null;
        System.out.println(peer == null ? "| measurement | selfheal |\n|---|---|"
                : "| measurement | selfheal | " + peer + " | selfheal ÷ " + peer + " |\n|---|---|---|---|");
        results.forEach((name, byServer) -> {
            row(name + ": calls/s", servers, s -> median(byServer.get(s), LoadRound::callsPerSecond), "%.0f", false);
            row(name + ": server CPU µs/call", servers,
                    s -> median(byServer.get(s), LoadRound::serverMicrosPerCall), "%.1f", true);
        });
        row("start-up to first PutEvents, ms (median)", servers,
                s -> startups.get(s).stream().sorted().toList().get(startups.get(s).size() / 2), "%.0f", true);
        row("RSS idle, MiB", servers, s -> rssIdle.get(s) / 1024.0, "%.0f", true);
        row("RSS after the load, MiB", servers, s -> rssLoaded.get(s) / 1024.0, "%.0f", true);
    }

    /** One table row; the ratio is written so that above 1 favours selfheal ({@code lowerIsBetter} flips it). */
    private static void row(String label, List<String> servers, ToDoubleFunction<String> value, String format,
                            boolean lowerIsBetter) {
        StringBuilder line = new StringBuilder("| " + label + " |");
        for (String s : servers) {
            double v = value.applyAsDouble(s);
            line.append(' ').append(Double.isNaN(v) ? "not measured" : String.format(Locale.ROOT, format, v))
                    .append(" |");
        }
        if (servers.size() > 1) {
            double ours = value.applyAsDouble(servers.get(0));
            double theirs = value.applyAsDouble(servers.get(1));
            if (Double.isNaN(ours) || Double.isNaN(theirs)) {
                System.out.println(line.append(" — |"));
                return;
            }
            double ratio = lowerIsBetter ? theirs / ours : ours / theirs;
            line.append(String.format(Locale.ROOT, " **%.1f×** %s |", ratio, lowerIsBetter ? "less" : "more"));
        }
        System.out.println(line);
    }

    /** NaN for a server that was not measured (printed as such, and no ratio). */
    private static double median(List<LoadRound> rounds, ToDoubleFunction<LoadRound> metric) {
        if (rounds == null) {
            return Double.NaN;
        }
        double[] values = rounds.stream().mapToDouble(metric).sorted().toArray();
        return values[values.length / 2];
    }

    private static int connections(String workload) {
        return workload.contains("4 connections") ? 4 : 1;
    }

    private int integer(String option) {
        return Integer.parseInt(options.get(option));
    }

    private double decimal(String option) {
        return Double.parseDouble(options.get(option));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }
}
