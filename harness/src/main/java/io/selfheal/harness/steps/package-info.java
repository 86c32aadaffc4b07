/**
 * Fault injections, one small class each, found by {@link java.util.ServiceLoader} through
 * {@link io.selfheal.harness.steps.FaultType} and chosen by their YAML key ({@code alarmState: …}).
 */
package io.selfheal.harness.steps;
