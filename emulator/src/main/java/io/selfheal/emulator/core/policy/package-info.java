/**
 * The one IAM policy engine every service uses: {@link io.selfheal.emulator.core.policy.PolicyDocument} parses and
 * validates a document once (AWS's grammar and {@code MalformedPolicyDocument} messages, in the flavour of identity,
 * resource or trust policies), {@link io.selfheal.emulator.core.policy.PolicyEvaluator} decides a request as AWS's
 * "Policy evaluation logic" and "Cross-account policy evaluation logic" pages describe: an explicit Deny wins, then an
 * Allow from each policy type that must allow, else an implicit deny. A condition it cannot evaluate is named in the
 * {@link io.selfheal.emulator.core.policy.Decision} and fails closed (an Allow does not apply, a Deny does). Knows no
 * service: callers supply the principal, action, resource ARN and condition context.
 */
package io.selfheal.emulator.core.policy;
