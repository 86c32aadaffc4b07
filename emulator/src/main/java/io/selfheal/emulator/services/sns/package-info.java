/**
 * Amazon SNS over the query protocol: topics, subscriptions (SQS, Lambda, HTTP/S, email recorded only), filter
 * policies evaluated by AWS's Event Ruler, and asynchronous fan-out in AWS's documented message formats. Other
 * services publish with {@link io.selfheal.emulator.messages.PublishToTopic}, checked against the topic policy.
 */
package io.selfheal.emulator.services.sns;
