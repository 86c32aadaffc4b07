package io.selfheal.emulator.services.sns;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.policy.ResourcePolicies;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.PublishToTopic;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SNS's side of {@link PublishToTopic}: another service (an EventBridge target, an alarm action) publishes. A service
 * principal must be allowed {@code sns:Publish} by the topic policy, with its {@code aws:SourceArn} and
 * {@code aws:SourceAccount} conditions met, as on AWS; a publish from within the account (no principal) is not checked.
 */
final class PublishToTopicHandler {
    private final Topics topics;
    private final Publisher publisher;

    PublishToTopicHandler(Topics topics, Publisher publisher) {
        this.topics = topics;
        this.publisher = publisher;
    }

    Delivery handle(PublishToTopic request) {
        TopicArn arn = TopicArn.tryParse(request.topicArn());
        Topic topic = arn == null ? null : topics.find(arn);
        if (topic == null) {
            return Delivery.refused("NotFound", "Topic does not exist");
        }
        if (request.principal() != null && !ResourcePolicies.forService(
                Collections.singletonList(topic.attribute("Policy")), request.principal(), "sns:Publish",
                arn.toString(), request.sourceArn(), null).allowed()) {
            return Delivery.refused("AuthorizationError", "User: " + request.principal()
                    + " is not authorized to perform: SNS:Publish on resource: " + arn);
        }
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        if (request.messageAttributes() != null) {
            request.messageAttributes().forEach((k, v) -> attributes.put(k, new MessageAttribute("String", v)));
        }
        try {
            Notification n = publisher.publish(topic,
                    new Publisher.Request(request.message(), request.subject(), null, attributes, null, null));
            return Delivery.accepted(n.messageId());
        } catch (AwsException e) {
            return Delivery.refused(e.code(), e.getMessage());
        }
    }
}
