/**
 * The JUnit Platform TestEngine ({@code selfheal}): each scenario file is a container whose checks
 * ({@code outcome}, {@code idempotency}) are tests, so Surefire and IDEs count and report them; a file with
 * mistakes is a failing test whose message lists them with {@code file:line:column}.
 */
package io.selfheal.harness.junit;
