/**
 * The JUnit Platform TestEngine ({@code selfheal}): each scenario file is a container whose checks
 * ({@code outcome}, {@code recovery}, {@code idempotency[-mode]}) are tests, so Surefire and IDEs count and report
 * them; a file with mistakes is a failing test whose message lists them with {@code file:line:column}. Scenarios run
 * in parallel on the platform's fork-join executor, each through the same
 * {@link io.selfheal.harness.engine.ScenarioDriver} as the CLI.
 */
package io.selfheal.harness.junit;
