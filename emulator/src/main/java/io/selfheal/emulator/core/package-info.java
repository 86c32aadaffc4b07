/**
 * What every service shares: the request context (account, region, caller), account × region scoped state,
 * AWS-shaped ids, the clock, the internal bus between services, the in-flight work tracker and the API call log.
 */
package io.selfheal.emulator.core;
