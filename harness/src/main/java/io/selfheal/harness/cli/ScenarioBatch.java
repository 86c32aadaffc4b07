package io.selfheal.harness.cli;

import io.selfheal.harness.engine.ScenarioResult;
import io.selfheal.harness.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs scenarios up to {@code parallel} at a time (each on its own cloud: the runner makes one per scenario) and
 * hands the results on in the order the scenarios were given, whatever order they finish in, so the output of
 * {@code --parallel N} reads the same as a sequential run's.
 */
final class ScenarioBatch {
    private ScenarioBatch() {
    }

    static List<ScenarioResult> run(List<Scenario> scenarios, int parallel, Function<Scenario, ScenarioResult> runner,
                                    Consumer<ScenarioResult> inOrder) {
        List<ScenarioResult> results = new ArrayList<>();
        if (parallel <= 1 || scenarios.size() <= 1) {
            for (Scenario scenario : scenarios) {
                ScenarioResult result = runner.apply(scenario);
                results.add(result);
                inOrder.accept(result);
            }
            return results;
        }
        AtomicInteger thread = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, scenarios.size()), r -> {
            Thread t = new Thread(r, "selfheal-scenario-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ScenarioResult>> futures = new ArrayList<>();
            for (Scenario scenario : scenarios) {
                futures.add(pool.submit(() -> runner.apply(scenario)));
            }
            for (Future<ScenarioResult> future : futures) {
                ScenarioResult result = future.get();
                results.add(result);
                inOrder.accept(result);
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running scenarios", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
