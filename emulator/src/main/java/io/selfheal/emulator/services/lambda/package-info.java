/**
 * AWS Lambda (REST-JSON, signing name {@code lambda}): functions per account and region, their resource policies,
 * and Invoke, backed by real sandboxes from the {@code runtime} sub-package. Also Lambda's side of the internal bus
 * ({@link io.selfheal.emulator.messages.InvokeFunction}, as EventBridge invokes targets) and its control component
 * ({@link io.selfheal.emulator.control.LambdaControl}: every invocation with payload, response, error and logs).
 * Asynchronous invocations go through {@code AsyncEventQueue} (retries and event age on the emulator clock) and end in
 * {@code AsyncOutcomes} (destinations, dead-letter queue); {@code ConcurrencyLimits} throttles, {@code InjectedFaults}
 * ({@link io.selfheal.emulator.control.FunctionFaults}) makes functions misbehave, {@code LambdaMetrics} reports
 * {@code AWS/Lambda}.
 */
package io.selfheal.emulator.services.lambda;
