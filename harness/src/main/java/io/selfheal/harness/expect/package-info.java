/**
 * Expected outcomes, one small class each, found by {@link java.util.ServiceLoader} through
 * {@link io.selfheal.harness.expect.ExpectationType} and chosen by their YAML key ({@code apiCalls: …}). An
 * outcome sees the run only through {@link io.selfheal.harness.expect.ProbeContext}.
 */
package io.selfheal.harness.expect;
