/**
 * Amazon EventBridge (AWS JSON 1.1, {@code X-Amz-Target: AWSEvents.*}): the default event bus of each account and
 * region and custom buses; rules with event patterns matched by AWS's own Event Ruler library, and scheduled rules
 * ({@code rate(…)}, {@code cron(…)}) fired on the emulator clock; Lambda targets with Input, InputPath and
 * InputTransformer; PutEvents and the events other services emit over the internal bus; tags on rules and buses;
 * archives and replays; and the {@code AWS/Events} metrics, published to CloudWatch over the internal bus.
 *
 * <p>Accepted events are matched and delivered asynchronously, counted as in-flight work so the harness can wait
 * for the cloud to be quiet. Every event that reaches a bus (replayed and scheduled ones included), and what
 * happened to each delivery, is kept for the harness through {@link io.selfheal.emulator.control.EventsControl}.
 *
 * <p>Not here: partner event buses and sources, bus policies (PutPermission) and global endpoints.
 */
package io.selfheal.emulator.services.events;
