package io.selfheal.emulator.services.sns;

import io.selfheal.emulator.core.Digests;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Validates one message as Publish does and hands it to the fan-out: shared by Publish, PublishBatch and the bus. */
final class Publisher {
    /** 256 KB, Publish's documented limit for the message with its attributes. */
    static final int MAX_BYTES = 262_144;

    private final EmulatorClock clock;
    private final Fanout fanout;

    private final Ids ids;

    Publisher(EmulatorClock clock, Fanout fanout, Ids ids) {
        this.ids = ids;
        this.clock = clock;
        this.fanout = fanout;
    }

    /** One message to publish, as the caller gave it. */
    record Request(String message, String subject, String structure, Map<String, MessageAttribute> attributes,
                   String groupId, String dedupId) {
    }

    /** @throws io.selfheal.emulator.core.AwsException InvalidParameter for anything Publish refuses */
    Notification publish(Topic topic, Request r) {
        if (r.message() == null || r.message().isEmpty()) {
            throw SnsErrors.invalidParameter("Empty message");
        }
        if (r.message().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw SnsErrors.invalidParameter("Message too long");
        }
        if (r.subject() != null && (r.subject().isEmpty() || r.subject().length() > 100
                || r.subject().chars().anyMatch(Character::isISOControl))) {
            throw SnsErrors.invalidParameter("Subject");
        }
        Map<String, String> perProtocol = structure(r);
        String groupId = r.groupId();
        String dedupId = r.dedupId();
        String sequence = null;
        if (topic.fifo()) {
            if (groupId == null || groupId.isEmpty()) {
                throw SnsErrors.invalidParameter("The MessageGroupId parameter is required for FIFO topics");
            }
            if (dedupId == null) {
                if (!topic.contentBasedDeduplication()) {
                    throw SnsErrors.invalidParameter("The topic should either have ContentBasedDeduplication "
                            + "enabled or MessageDeduplicationId provided explicitly");
                }
                dedupId = sha256(r.message());
            }
            sequence = topic.nextSequenceNumber();
        } else if (dedupId != null) {
            throw SnsErrors.invalidParameter("MessageDeduplicationId", "The request includes "
                    + "MessageDeduplicationId parameter that is not valid for this topic type");
        }
        Notification n = new Notification(ids.uuid("notification"), topic.arn, r.subject(), r.message(), perProtocol,
                r.attributes(), clock.now(), groupId, dedupId, sequence);
        fanout.publish(topic, n);
        return n;
    }

    /** MessageStructure=json: a JSON object of messages per protocol that must hold a {@code default}. */
    private static Map<String, String> structure(Request r) {
        if (r.structure() == null) {
            return null;
        }
        if (!r.structure().equals("json")) {
            throw SnsErrors.invalidParameter("MessageStructure");
        }
        JsonNode parsed;
        try {
            parsed = Json.parse(r.message());
        } catch (JsonProcessingException e) {
            throw SnsErrors.invalidParameter("Message Structure - JSON message body failed to parse");
        }
        if (!parsed.isObject() || !parsed.path("default").isTextual()) {
            throw SnsErrors.invalidParameter("Message Structure - No default entry in JSON message body");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = parsed.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : Json.write(e.getValue()));
        }
        return out;
    }

    private static String sha256(String text) {
        return Digests.sha256Hex(text);
    }
}
