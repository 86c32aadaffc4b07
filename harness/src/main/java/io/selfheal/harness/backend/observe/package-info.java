/**
 * How the harness observes what happened in a cloud ({@link io.selfheal.harness.backend.observe.Observation}): from
 * the emulator's own logs, or from what AWS itself records.
 */
package io.selfheal.harness.backend.observe;
