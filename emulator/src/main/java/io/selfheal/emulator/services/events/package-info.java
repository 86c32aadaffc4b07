/**
 * Amazon EventBridge (AWS JSON 1.1, {@code X-Amz-Target: AWSEvents.*}): the default event bus of each account and
 * region and custom buses; rules with event patterns matched by AWS's own Event Ruler library, and scheduled rules
 * ({@code rate(…)}, {@code cron(…)}) fired on the emulator clock; PutEvents and the events other services emit over
 * the internal bus; tags on rules and buses; archives and replays; and the {@code AWS/Events} metrics, published to
 * CloudWatch over the internal bus.
 *
 * <p>Targets ({@link io.selfheal.emulator.services.events.TargetKinds}): Lambda functions, SQS queues (FIFO with
 * SqsParameters), SNS topics, CloudWatch Logs log groups, event buses and API destinations, each with Input, InputPath
 * or InputTransformer. The other services are asked over the internal bus as {@code events.amazonaws.com} with the
 * rule as source ARN, so their resource policies decide as on AWS. API destinations are invoked over HTTP with their
 * connection's authorization (API key, basic, OAuth client credentials); Connections and API destinations have their
 * own operations. A retriable failed delivery is retried with exponential backoff on the emulator clock as the target's
 * RetryPolicy allows (AWS's 185 retries and 24 hours by default; see {@link
 * io.selfheal.emulator.services.events.TargetDeliveries}), then sent to its DeadLetterConfig queue.
 *
 * <p>Accepted events are matched and delivered asynchronously, counted as in-flight work so the harness can wait
 * for the cloud to be quiet. Every event that reaches a bus (replayed and scheduled ones included), and every
 * delivery attempt, is kept for the harness through {@link io.selfheal.emulator.control.EventsControl}.
 *
 * <p>Not yet: partner event buses and sources, bus policies (PutPermission), global endpoints, other target kinds
 * (Kinesis, Step Functions, ECS …), cross-account event bus targets. Each is refused
 * or said, rather than accepted and ignored.
 */
package io.selfheal.emulator.services.events;
