package io.selfheal.emulator.services.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Publish and PublishBatch. */
final class PublishOperations {
    private static final int MAX_BATCH = 10;

    private final Topics topics;
    private final Publisher publisher;

    PublishOperations(Topics topics, Publisher publisher) {
        this.topics = topics;
        this.publisher = publisher;
    }

    JsonNode publish(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, SnsErrors.PARAMS);
        if (p.has("PhoneNumber") && !p.has("TopicArn") && !p.has("TargetArn")) {
            throw SnsErrors.invalidParameter("PhoneNumber", "SMS is not supported by this emulator");
        }
        String arn = p.has("TopicArn") ? p.string("TopicArn") : p.string("TargetArn");
        if (arn == null) {
            throw SnsErrors.invalidParameter("TopicArn or TargetArn", "no value for required parameter");
        }
        Topic topic = topics.require(arn, p.has("TopicArn") ? "TopicArn" : "TargetArn");
        Notification n = publisher.publish(topic, request(p));
        ObjectNode result = Json.object().put("MessageId", n.messageId());
        if (n.sequenceNumber() != null) {
            result.put("SequenceNumber", n.sequenceNumber());
        }
        return result;
    }

    JsonNode publishBatch(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, SnsErrors.PARAMS);
        Topic topic = topics.require(p.required("TopicArn"), "TopicArn");
        List<ObjectNode> entries = p.objects("PublishBatchRequestEntries");
        if (entries.isEmpty()) {
            throw AwsException.badRequest("EmptyBatchRequest", "The batch request doesn't contain any entries");
        }
        if (entries.size() > MAX_BATCH) {
            throw AwsException.badRequest("TooManyEntriesInBatchRequest",
                    "The batch request contains more entries than permissible");
        }
        Set<String> ids = new HashSet<>();
        for (ObjectNode entry : entries) {
            if (!ids.add(entry.path("Id").asText(""))) {
                throw AwsException.badRequest("BatchEntryIdsNotDistinct",
                        "Two or more batch entries in the request have the same Id");
            }
        }
        ObjectNode result = Json.object();
        ArrayNode successful = result.putArray("Successful");
        ArrayNode failed = result.putArray("Failed");
        for (ObjectNode entry : entries) {
            String id = entry.path("Id").asText("");
            try {
                Notification n = publisher.publish(topic, request(new Params(entry, SnsErrors.PARAMS)));
                ObjectNode ok = successful.addObject().put("Id", id).put("MessageId", n.messageId());
                if (n.sequenceNumber() != null) {
                    ok.put("SequenceNumber", n.sequenceNumber());
                }
            } catch (AwsException e) {
                failed.addObject().put("Id", id).put("Code", e.code()).put("Message", e.getMessage())
                        .put("SenderFault", e.senderFault());
            }
        }
        return result;
    }

    private static Publisher.Request request(Params p) {
        return new Publisher.Request(p.string("Message"), p.string("Subject"), p.string("MessageStructure"),
                MessageAttributes.parse(p.node("MessageAttributes")), p.string("MessageGroupId"),
                p.string("MessageDeduplicationId"));
    }
}
