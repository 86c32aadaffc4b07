/**
 * Where scenarios run: the {@link io.selfheal.harness.backend.Cloud} interface, its only implementation today,
 * {@link io.selfheal.harness.backend.EmbeddedCloud} (the in-JVM emulator, the default), and
 * {@link io.selfheal.harness.backend.Waits} ("eventually" on either kind of clock). {@code Cloud} still mixes the AWS
 * endpoint with emulator-only controls (CPU load, a hung instance, the call log, redelivery); splitting those into
 * optional capabilities, so that a real AWS endpoint or LocalStack can stand behind it, is future work.
 */
package io.selfheal.harness.backend;
