package io.selfheal.bench;

import io.selfheal.emulator.Emulator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak: N events (default 100,000), one PutEvents call each, through 100 rules (each event matches one) into 100
 * SQS queues, on loopback, then stops by itself. Prints events/s, the heap and RSS sampled during the run, the live
 * heap after a full GC with the queues still full and again after purging them (what the emulator keeps of its own),
 * and checks that every event reached its queue; then sends 10,000 malformed requests (a tenth of them ~100 KB) and
 * measures again. Not JMH: the numbers that matter are memory over time.
 *
 * <pre>{@code
 * java -Xmx1g -cp bench/target/benchmarks.jar io.selfheal.bench.SoakBenchmark [events] [connections]
 * }</pre>
 */
public final class SoakBenchmark {
    private static final int RULES = 100;
    private static final int MALFORMED = 10_000;
    private static final Pattern APPROXIMATE = Pattern.compile("\"ApproximateNumberOfMessages\":\"(\\d+)\"");
    private static final Pattern QUEUE_URL = Pattern.compile("\"QueueUrl\":\"([^\"]+)\"");

    private SoakBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        System.out.printf("soak: %,d events, %d rules, %d connections, load average %s%n", events, RULES,
                connections, loadAverage());
        Memory before = Memory.afterFullGc();
        try (Emulator emulator = Emulator.builder().port(0).start()) {
            Memory idle = Memory.afterFullGc();
            List<String> queues = provision(emulator.port());
            Sampler sampler = new Sampler();
            sampler.start();
            long started = System.nanoTime();
            int refused = send(emulator.port(), events, connections);
            double sendSeconds = (System.nanoTime() - started) / 1e9;
            int delivered = awaitDelivered(emulator.port(), queues, events);
            double allSeconds = (System.nanoTime() - started) / 1e9;
            sampler.stop();
            Memory full = Memory.afterFullGc();
            purge(emulator.port(), queues);
            Memory purged = Memory.afterFullGc();
            long fuzzStarted = System.nanoTime();
            int answered4xx = malformed(emulator.port(), MALFORMED);
            double fuzzSeconds = (System.nanoTime() - fuzzStarted) / 1e9;
            Memory fuzzed = Memory.afterFullGc();

            System.out.printf("sent %,d in %.1f s: %,.0f PutEvents/s (%d answered non-200, retried)%n", events,
                    sendSeconds, events / sendSeconds, refused);
            System.out.printf("delivered %,d of %,d to the queues after %.1f s%n", delivered, events, allSeconds);
            System.out.println("JVM before the emulator:   " + before);
            System.out.println("emulator idle:             " + idle);
            System.out.println("after the run, queues full: " + full);
            System.out.println("after purging the queues:  " + purged);
            System.out.printf("then %,d malformed requests in %.1f s, %,d answered 4xx: %s%n", MALFORMED, fuzzSeconds,
                    answered4xx, fuzzed);
            System.out.println("during the run (used heap without GC / RSS, MiB): " + sampler.samples());
            if (delivered != events) {
                System.out.println("LOST " + (events - delivered) + " events");
                System.exit(1);
            }
        }
    }

    /** 100 queues, each with a policy for EventBridge, and a rule per queue matching one source. */
    private static List<String> provision(int port) throws IOException {
        List<String> queues = new ArrayList<>();
        try (KeepAliveConnection c = new KeepAliveConnection(port)) {
            for (int i = 0; i < RULES; i++) {
                String body = c.exchangeForBody(KeepAliveConnection.awsJsonRequest("AmazonSQS.CreateQueue", "sqs",
                        "{\"QueueName\":\"soak-" + i + "\"}", "1.0"));
                Matcher url = QUEUE_URL.matcher(body);
                if (!url.find()) {
                    throw new IllegalStateException("CreateQueue answered " + body);
                }
                String queueUrl = url.group(1);
                String arn = "arn:aws:sqs:us-east-1:123456789012:soak-" + i;
                String policy = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\","
                        + "\\\"Principal\\\":{\\\"Service\\\":\\\"events.amazonaws.com\\\"},"
                        + "\\\"Action\\\":\\\"sqs:SendMessage\\\",\\\"Resource\\\":\\\"" + arn + "\\\"}]}";
                expectOk(c, KeepAliveConnection.awsJsonRequest("AmazonSQS.SetQueueAttributes", "sqs",
                        "{\"QueueUrl\":\"" + queueUrl + "\",\"Attributes\":{\"Policy\":\"" + policy + "\"}}", "1.0"));
                expectOk(c, KeepAliveConnection.awsJsonRequest("AWSEvents.PutRule", "events",
                        "{\"Name\":\"soak-" + i + "\",\"EventPattern\":\"{\\\"source\\\":[\\\"soak.app" + i
                                + "\\\"]}\"}"));
                expectOk(c, KeepAliveConnection.awsJsonRequest("AWSEvents.PutTargets", "events",
                        "{\"Rule\":\"soak-" + i + "\",\"Targets\":[{\"Id\":\"q\",\"Arn\":\"" + arn + "\"}]}"));
                queues.add(queueUrl);
            }
        }
        return queues;
    }

    private static void expectOk(KeepAliveConnection c, byte[] request) throws IOException {
        int status = c.exchange(request);
        if (status != 200) {
            throw new IllegalStateException("set-up request answered " + status);
        }
    }

    /** Sends the events over {@code connections} keep-alive connections; a throttled call is sent again. */
    private static int send(int port, int events, int connections) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(connections);
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            Thread sender = new Thread(() -> {
                try (KeepAliveConnection c = new KeepAliveConnection(port)) {
                    for (int n = next.getAndIncrement(); n < events; n = next.getAndIncrement()) {
                        byte[] request = KeepAliveConnection.awsJsonRequest("AWSEvents.PutEvents", "events",
                                "{\"Entries\":[{\"Source\":\"soak.app" + (n % RULES) + "\",\"DetailType\":\"Soak\","
                                        + "\"Detail\":\"{\\\"n\\\":" + n + ",\\\"message\\\":\\\"cpu high\\\"}\"}]}");
                        while (c.exchange(request) != 200) {
                            refused.incrementAndGet();
                            Thread.sleep(5); // as an SDK backs off after a ThrottlingException
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                } finally {
                    done.countDown();
                }
            }, "soak-sender-" + t);
            sender.start();
        }
        done.await();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a sender failed", failures.get(0));
        }
        return refused.get();
    }

    /** Sums the queues' message counts until every event has arrived or nothing moved for 30 s. */
    private static int awaitDelivered(int port, List<String> queues, int events) throws Exception {
        int last = -1;
        long lastChange = System.nanoTime();
        try (KeepAliveConnection c = new KeepAliveConnection(port)) {
            while (true) {
                int total = 0;
                for (String queue : queues) {
                    String body = c.exchangeForBody(KeepAliveConnection.awsJsonRequest(
                            "AmazonSQS.GetQueueAttributes", "sqs", "{\"QueueUrl\":\"" + queue
                                    + "\",\"AttributeNames\":[\"ApproximateNumberOfMessages\"]}", "1.0"));
                    Matcher m = APPROXIMATE.matcher(body);
                    total += m.find() ? Integer.parseInt(m.group(1)) : 0;
                }
                if (total != last) {
                    last = total;
                    lastChange = System.nanoTime();
                }
                if (total >= events || System.nanoTime() - lastChange > TimeUnit.SECONDS.toNanos(30)) {
                    return total;
                }
                Thread.sleep(200);
            }
        }
    }

    /**
     * Requests every service refuses, a tenth of them large (a 2,000-entry list, about 100 KB): what a fuzzer sends.
     * Returns how many were answered 4xx.
     */
    private static int malformed(int port, int count) throws IOException {
        StringBuilder big = new StringBuilder("{\"Entries\":[");
        for (int i = 0; i < 2000; i++) {
            big.append(i == 0 ? "" : ",").append("{\"Source\":\"s").append(i).append("\",\"DetailType\":\"d\"}");
        }
        byte[][] requests = {
            KeepAliveConnection.awsJsonRequest("AWSEvents.PutEvents", "events", big.append("]}").toString()),
            KeepAliveConnection.awsJsonRequest("AWSEvents.PutEvents", "events", "{\"Entries\": ["),
            KeepAliveConnection.awsJsonRequest("AWSEvents.PutRule", "events", "{\"Name\":\"\",\"EventPattern\":1}"),
            KeepAliveConnection.awsJsonRequest("AmazonSQS.SendMessage", "sqs", "{\"QueueUrl\":\"nope\"}", "1.0"),
            KeepAliveConnection.awsJsonRequest("GraniteServiceVersion20100801.PutMetricData", "monitoring",
                    "{\"Namespace\":\"AWS/Forbidden\",\"MetricData\":[{\"MetricName\":\"m\",\"Value\":1}]}", "1.0"),
            KeepAliveConnection.awsJsonRequest("AWSEvents.NoSuchOperation", "events", "{}"),
            KeepAliveConnection.awsJsonRequest("AWSEvents.DescribeRule", "events", "{\"Name\":\"missing\"}"),
            KeepAliveConnection.awsJsonRequest("AWSEvents.PutEvents", "events", "[1,2,3]"),
            KeepAliveConnection.awsJsonRequest("AmazonSQS.CreateQueue", "sqs", "{\"QueueName\":\"bad name!\"}", "1.0"),
            KeepAliveConnection.awsJsonRequest("AWSEvents.ListRules", "events", "{\"Limit\":-5}"),
        };
        int refused = 0;
        try (KeepAliveConnection c = new KeepAliveConnection(port)) {
            for (int i = 0; i < count; i++) {
                int status = c.exchange(requests[i % requests.length]);
                if (status >= 400 && status < 500) {
                    refused++;
                }
            }
        }
        return refused;
    }

    private static void purge(int port, List<String> queues) throws IOException {
        try (KeepAliveConnection c = new KeepAliveConnection(port)) {
            for (String queue : queues) {
                expectOk(c, KeepAliveConnection.awsJsonRequest("AmazonSQS.PurgeQueue", "sqs",
                        "{\"QueueUrl\":\"" + queue + "\"}", "1.0"));
            }
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** Resident set size of this process in MiB, from /proc (Linux); -1 elsewhere. */
    static long rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return -1;
    }

    /** Live heap after a full collection, and RSS. */
    record Memory(long heapMiB, long rssMiB) {
        static Memory afterFullGc() {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            return new Memory(used >> 20, SoakBenchmark.rssMiB());
        }

        @Override
        public String toString() {
            return "live heap " + heapMiB + " MiB, RSS " + rssMiB + " MiB";
        }
    }

    /** Used heap (no GC forced) and RSS every second while the soak runs. */
    static final class Sampler {
        private final StringBuilder samples = new StringBuilder();
        private final AtomicLong stopAt = new AtomicLong(Long.MAX_VALUE);
        private Thread thread;

        void start() {
            thread = new Thread(() -> {
                while (System.nanoTime() < stopAt.get()) {
                    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
                    synchronized (samples) {
                        samples.append(samples.length() == 0 ? "" : ", ").append(used).append('/')
                                .append(SoakBenchmark.rssMiB());
                    }
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "soak-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            stopAt.set(System.nanoTime());
            thread.interrupt();
            thread.join();
        }

        String samples() {
            synchronized (samples) {
                return samples.toString();
            }
        }
    }
}
