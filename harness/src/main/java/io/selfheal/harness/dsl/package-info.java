/**
 * The Java DSL: builds the same {@link io.selfheal.harness.scenario.Scenario} model the YAML loader reads, for teams
 * that prefer code — as WireMock's Java stubs and JSON mappings are one model in two forms. Every builder is
 * immutable (each call returns a new one, as Awaitility's condition factory does), so a partly built scenario can be
 * shared and varied. {@link io.selfheal.harness.dsl.ScenarioBuilder#build()} checks what the loader checks and
 * throws every problem at once; {@link io.selfheal.harness.dsl.Selfheal} runs a scenario from a JUnit test.
 */
package io.selfheal.harness.dsl;
