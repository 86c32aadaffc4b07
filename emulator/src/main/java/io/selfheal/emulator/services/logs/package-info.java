/**
 * Amazon CloudWatch Logs (AWS JSON 1.1, {@code X-Amz-Target: Logs_20140328.*}, signing name {@code logs}): log
 * groups and streams, PutLogEvents with AWS's batch rules and {@code rejectedLogEventsInfo}, GetLogEvents with
 * forward and backward tokens, FilterLogEvents with the common filter pattern syntax, retention on the emulator
 * clock, account resource policies and tags.
 *
 * <p>Other services write here over the internal bus ({@link io.selfheal.emulator.messages.PutLogEvents}): Lambda
 * ships each invocation's output to {@code /aws/lambda/<function>}, and an EventBridge log-group target is admitted
 * only when a resource policy allows its service principal, as on AWS.
 *
 * <p>A filter pattern this emulator cannot evaluate (space-delimited {@code [a, b]} patterns, {@code ?terms} mixed
 * with other terms, wildcard selectors) is refused with {@code InvalidParameterException}, never treated as matching
 * nothing.
 */
package io.selfheal.emulator.services.logs;
