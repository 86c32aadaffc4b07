/**
 * The AWS managed Config rules evaluated natively, one class each, registered in
 * {@link io.selfheal.emulator.services.config.ManagedRules}. Each reads configuration items in AWS's notification
 * shape and follows its page in the AWS Config developer guide
 * (https://docs.aws.amazon.com/config/latest/developerguide/managed-rules-by-aws-config.html): identifier, default
 * scope, trigger types, parameters with their defaults and checks. The pages do not give the rules' annotation
 * wording, so ours say in a few words which setting made a resource non-compliant.
 *
 * <p>Shared pieces: {@link io.selfheal.emulator.services.config.managed.ConfigItem} (one item and its evaluation
 * results), {@link io.selfheal.emulator.services.config.managed.SingleResourceRule} (deleted resources and types out
 * of scope), {@link io.selfheal.emulator.services.config.managed.RuleParameters} (declared parameters, defaults,
 * AWS's refusals), {@link io.selfheal.emulator.services.config.managed.Ingress} (a security group's inbound
 * permissions) and {@link io.selfheal.emulator.services.config.managed.PortRanges}.
 */
package io.selfheal.emulator.services.config.managed;
