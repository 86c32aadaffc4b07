/**
 * The messages services exchange over the {@link io.selfheal.emulator.core.InternalBus}: the only coupling between
 * service packages. A producer publishes or asks; exactly the consuming service subscribes or handles. A request that
 * expects an answer is a {@link io.selfheal.emulator.core.BusRequest} of its answer type. {@link
 * io.selfheal.emulator.messages.ArnTargets} tells which service receives what an ARN names.
 */
package io.selfheal.emulator.messages;
