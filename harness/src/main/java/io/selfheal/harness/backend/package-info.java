/**
 * Where scenarios run: the {@link io.selfheal.harness.backend.Cloud} interface, its embedded-emulator
 * implementation, and {@link io.selfheal.harness.backend.Waits} ("eventually" on either kind of clock).
 */
package io.selfheal.harness.backend;
