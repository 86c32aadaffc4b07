/**
 * JMH benchmarks of the embedded emulator through the real AWS SDK v2: start-up, PutEvents throughput with 100
 * rules, warm Lambda invoke latency. Run {@code java -jar bench/target/benchmarks.jar}; results go to BENCHMARKS.md.
 * Beside them, plain commands measured from outside: {@link io.selfheal.bench.ScenarioTiming} (a scenario's
 * fault-to-recovery stretch) and {@link io.selfheal.bench.PeerComparison} ({@code selfheal serve} and moto's server
 * as processes, side by side: {@code bench/peer-comparison.sh}).
 */
package io.selfheal.bench;
