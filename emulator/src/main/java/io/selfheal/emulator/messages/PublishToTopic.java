package io.selfheal.emulator.messages;

import io.selfheal.emulator.core.BusRequest;
import java.util.Map;

/**
 * A service principal publishes to an SNS topic (an EventBridge target, a CloudWatch alarm action). SNS checks the
 * topic policy for {@code principal}/{@code sourceArn}, then fans out to the subscriptions.
 * Ask with {@code bus.ask(new PublishToTopic(…))}; the id of an accepted delivery is the MessageId.
 *
 * @param topicArn          {@code arn:aws:sns:<region>:<account>:<name>}
 * @param message           the message
 * @param subject           the subject, or null
 * @param messageAttributes string attributes (may be empty)
 * @param principal         the publishing service, e.g. {@code events.amazonaws.com}; null within the account
 * @param sourceArn         the publishing resource, for {@code aws:SourceArn} conditions
 * @param attributeTypes    the Type of attributes that are not {@code String} (e.g. {@code Number}); may be empty
 */
public record PublishToTopic(String topicArn, String message, String subject, Map<String, String> messageAttributes,
                             String principal, String sourceArn, Map<String, String> attributeTypes)
        implements BusRequest<Delivery> {

    /** Every attribute a {@code String}. */
    public PublishToTopic(String topicArn, String message, String subject, Map<String, String> messageAttributes,
                          String principal, String sourceArn) {
        this(topicArn, message, subject, messageAttributes, principal, sourceArn, Map.of());
    }

    /** The attribute's Type: {@code String} unless {@code attributeTypes} says otherwise. */
    public String dataType(String attribute) {
        return attributeTypes == null ? "String" : attributeTypes.getOrDefault(attribute, "String");
    }
}
