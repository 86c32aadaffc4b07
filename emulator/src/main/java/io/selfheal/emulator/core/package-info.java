/**
 * What every service shares: the request context (account, region, caller), account × region scoped state,
 * AWS-shaped ids (random, or seeded for reproducible runs), the clock, the internal bus between services (typed asks,
 * {@link io.selfheal.emulator.core.NoHandlerException} when nobody answers), the in-flight work tracker and the API
 * call log.
 */
package io.selfheal.emulator.core;
