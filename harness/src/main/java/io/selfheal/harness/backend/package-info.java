/**
 * Where scenarios run: the {@link io.selfheal.harness.backend.Cloud} interface, and its embedded-emulator
 * implementation (the default). LocalStack and any-endpoint backends come behind the same interface.
 */
package io.selfheal.harness.backend;
