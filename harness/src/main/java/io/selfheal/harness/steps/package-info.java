/**
 * Fault injections, one small class each, found by {@link java.util.ServiceLoader} through
 * {@link io.selfheal.harness.steps.FaultType} and chosen by their YAML key ({@code alarmState: …}). A fault sees the
 * run only through {@link io.selfheal.harness.steps.FaultContext}.
 */
package io.selfheal.harness.steps;
