/**
 * The {@code localstack} backend: scenarios against LocalStack (or any LocalStack-compatible image) started through
 * Testcontainers when a Docker engine is present. {@link io.selfheal.harness.localstack.LocalStackInstance}
 * is the seam around the container (start, endpoint, stop), so the adapter is tested without Docker;
 * {@link io.selfheal.harness.localstack.LocalStackGaps} names what LocalStack does not do as AWS does, and a
 * scenario relying on it is skipped with that reason. Outcomes are read through
 * {@link io.selfheal.harness.backend.observe.AwsObservation}: LocalStack has none of the emulator's logs. (Not under
 * {@code backend}: it builds on the engine, which builds on {@code backend}.)
 */
package io.selfheal.harness.localstack;
