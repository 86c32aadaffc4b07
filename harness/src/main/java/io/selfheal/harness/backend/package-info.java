/**
 * Where scenarios run. A {@link io.selfheal.harness.backend.Cloud} is AWS access (endpoint, region, credentials),
 * an {@link io.selfheal.harness.backend.observe.Observation} of what happened, and — when a selfheal emulator stands
 * behind it — {@link io.selfheal.harness.backend.EmulatorControls} for what AWS cannot do, reached only through the
 * {@link io.selfheal.harness.backend.Capability} a fault or outcome declared. Implementations:
 * {@link io.selfheal.harness.backend.EmbeddedCloud} (the in-JVM emulator, the default) and
 * {@link io.selfheal.harness.backend.EndpointCloud} (any endpoint in real time; a remote selfheal's control API
 * through {@link io.selfheal.harness.backend.RemoteControls}). {@link io.selfheal.harness.backend.Waits} is
 * "eventually" on either kind of clock.
 */
package io.selfheal.harness.backend;
