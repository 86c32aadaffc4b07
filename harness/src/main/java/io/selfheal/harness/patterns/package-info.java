/**
 * Why an EventBridge event pattern matches an event or not, decided by AWS's own Event Ruler library:
 * {@link io.selfheal.harness.patterns.PatternExplainer} evaluates the whole pattern and each leaf sub-pattern on its
 * own, so a "does not match" names each failing field with its allowed values and the event's value. Shared by the
 * CLI's {@code test-pattern} and anything else that reports a near miss.
 */
package io.selfheal.harness.patterns;
