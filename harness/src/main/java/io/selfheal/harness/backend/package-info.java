/**
 * Where scenarios run: the {@link io.selfheal.harness.backend.Cloud} interface and its only implementation today,
 * {@link io.selfheal.harness.backend.EmbeddedCloud} (the in-JVM emulator, the default). {@code Cloud} still mixes
 * the AWS endpoint with emulator-only controls (CPU load, a hung instance, the call log, redelivery); splitting
 * those into optional capabilities, so that a real AWS endpoint or LocalStack can stand behind it, is future work.
 */
package io.selfheal.harness.backend;
