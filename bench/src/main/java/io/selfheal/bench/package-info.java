/**
 * JMH benchmarks of the embedded emulator through the real AWS SDK v2: start-up, PutEvents throughput with 100
 * rules, warm Lambda invoke latency. Run {@code java -jar bench/target/benchmarks.jar}; results go to BENCHMARKS.md.
 */
package io.selfheal.bench;
