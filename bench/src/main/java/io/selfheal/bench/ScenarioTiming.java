package io.selfheal.bench;

import io.selfheal.harness.engine.ScenarioResult;
import io.selfheal.harness.engine.ScenarioRunner;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The virtual-time target as a measurement: runs one scenario file several times on fresh embedded clouds and prints,
 * per run, the virtual MTTR (first fault until every outcome and the steady state hold again) beside the wall-clock
 * time that same stretch took, then the median. A JMH harness would time the whole run including provisioning;
 * the number that matters here is the fault-to-recovery stretch, which the engine measures itself.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.selfheal.bench.ScenarioTiming scenarios/ec2/x.yaml [runs]</pre>
 */
public final class ScenarioTiming {
    private ScenarioTiming() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: ScenarioTiming <scenario.yaml> [runs, default 5]");
            System.exit(2);
        }
        Scenario scenario = new ScenarioLoader().load(Path.of(args[0]));
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ScenarioRunner runner = new ScenarioRunner();
        System.out.println("warm-up run (JVM and class loading, not counted): "
                + describe(runner.run(scenario)));
        List<ScenarioResult> results = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            ScenarioResult result = runner.run(scenario);
            results.add(result);
            System.out.println("run " + i + ": " + describe(result));
        }
        List<ScenarioResult> recovered = results.stream().filter(r -> r.recoveryWall() != null)
                .sorted(Comparator.comparing(ScenarioResult::recoveryWall)).toList();
        if (recovered.size() != results.size()) {
            System.out.println("some runs did not recover; see above");
            System.exit(1);
        }
        ScenarioResult median = recovered.get(recovered.size() / 2);
        System.out.printf("median: %s of virtual time from fault to recovery in %d ms of wall time"
                + " (whole run %d ms)%n", median.recovery(), median.recoveryWall().toMillis(),
                median.duration().toMillis());
    }

    private static String describe(ScenarioResult result) {
        if (!result.passed()) {
            return "FAILED: " + result.reason();
        }
        return String.format("virtual MTTR %s, wall %d ms (whole run %d ms)", result.recovery(),
                millis(result.recoveryWall()), millis(result.duration()));
    }

    private static long millis(Duration d) {
        return d == null ? -1 : d.toMillis();
    }
}
