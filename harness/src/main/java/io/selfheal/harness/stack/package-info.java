/**
 * The {@code stack} section: the {@link io.selfheal.harness.stack.StackKind} SPI (one class per kind of resource,
 * registered in {@code META-INF/services}: its key, reference attributes, dependencies, YAML reader and SDK
 * provisioning), {@link io.selfheal.harness.stack.StackKinds} (the kinds in dependency order),
 * {@link io.selfheal.harness.stack.Stack} (kind → key → resource), {@link io.selfheal.harness.stack.StackReading}
 * and {@link io.selfheal.harness.stack.Provisioning}, and what provisioning leaves for faults and probes: the
 * {@link io.selfheal.harness.stack.StackState} that {@code ${kind.key.attribute}} references resolve against and the
 * {@link io.selfheal.harness.stack.CloudClients}. Knows nothing of faults, outcomes or the engine.
 */
package io.selfheal.harness.stack;
