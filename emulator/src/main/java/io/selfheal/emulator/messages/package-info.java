/**
 * The messages services exchange over the {@link io.selfheal.emulator.core.InternalBus}: the only coupling between
 * service packages. A producer publishes or asks; exactly the consuming service subscribes or handles.
 */
package io.selfheal.emulator.messages;
