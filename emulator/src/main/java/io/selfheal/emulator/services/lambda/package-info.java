/**
 * AWS Lambda (REST-JSON, signing name {@code lambda}): functions per account and region, their resource policies,
 * and Invoke, backed by real sandboxes from the {@code runtime} sub-package. Also Lambda's side of the internal bus
 * ({@link io.selfheal.emulator.messages.InvokeFunction}, as EventBridge invokes targets) and its control component
 * ({@link io.selfheal.emulator.control.LambdaControl}: every invocation with payload, response, error and logs).
 */
package io.selfheal.emulator.services.lambda;
