/**
 * Amazon EventBridge (AWS JSON 1.1, {@code X-Amz-Target: AWSEvents.*}): the default event bus of each account and
 * region, rules with event patterns matched by AWS's own Event Ruler library, Lambda targets with Input, InputPath
 * and InputTransformer, PutEvents and the events other services emit over the internal bus.
 *
 * <p>Accepted events are matched and delivered asynchronously, counted as in-flight work so the harness can wait
 * for the cloud to be quiet. Every event that reaches a bus, and what happened to each delivery, is kept for the
 * harness through {@link io.selfheal.emulator.control.EventsControl}.
 *
 * <p>Not yet: custom buses, schedules, and targets other than Lambda functions. Each is refused with an error that
 * says so rather than accepted and ignored.
 */
package io.selfheal.emulator.services.events;
