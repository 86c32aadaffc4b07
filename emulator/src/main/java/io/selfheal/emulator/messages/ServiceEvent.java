package io.selfheal.emulator.messages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * An event an AWS service emits to the default event bus of an account and region (CloudWatch's
 * "CloudWatch Alarm State Change", EC2's "EC2 Instance State-change Notification" …). EventBridge subscribes, wraps
 * it in the envelope ({@code version}, {@code id} …) and routes it to matching rules.
 *
 * @param accountId  the account whose default bus receives it
 * @param region     the region whose default bus receives it
 * @param source     {@code aws.cloudwatch}, {@code aws.ec2} …
 * @param detailType {@code CloudWatch Alarm State Change} …
 * @param resources  ARNs of the resources involved
 * @param detail     the event's {@code detail} object, in AWS's documented shape
 * @param time       when it happened (emulator clock)
 */
public record ServiceEvent(String accountId, String region, String source, String detailType,
                           List<String> resources, ObjectNode detail, Instant time) {
}
