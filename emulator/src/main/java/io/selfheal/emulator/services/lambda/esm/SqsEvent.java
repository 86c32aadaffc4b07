package io.selfheal.emulator.services.lambda.esm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.ReceiveFromQueue;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The event Lambda hands a function for a batch of SQS messages
 * (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html, "Example standard queue message event"): one record
 * per message with lower-camel message attributes ({@code stringValue}, {@code binaryValue},
 * {@code stringListValues}, {@code binaryListValues}, {@code dataType}).
 */
final class SqsEvent {
    private SqsEvent() {
    }

    static byte[] of(List<ReceiveFromQueue.Message> messages, String queueArn) {
        String region = queueArn.split(":")[3];
        ObjectNode event = Json.object();
        ArrayNode records = event.putArray("Records");
        for (ReceiveFromQueue.Message m : messages) {
            ObjectNode r = records.addObject()
                    .put("messageId", m.messageId())
                    .put("receiptHandle", m.receiptHandle())
                    .put("body", m.body());
            ObjectNode attributes = r.putObject("attributes");
            m.attributes().forEach(attributes::put);
            ObjectNode messageAttributes = r.putObject("messageAttributes");
            for (Iterator<Map.Entry<String, JsonNode>> it = m.messageAttributes().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode a = e.getValue();
                ObjectNode out = messageAttributes.putObject(e.getKey());
                if (a.has("StringValue")) {
                    out.put("stringValue", a.get("StringValue").asText());
                }
                if (a.has("BinaryValue")) {
                    out.put("binaryValue", a.get("BinaryValue").asText());
                }
                out.putArray("stringListValues");
                out.putArray("binaryListValues");
                out.put("dataType", a.path("DataType").asText());
            }
            r.put("md5OfBody", m.md5OfBody());
            if (m.md5OfMessageAttributes() != null) {
                r.put("md5OfMessageAttributes", m.md5OfMessageAttributes());
            }
            r.put("eventSource", "aws:sqs")
                    .put("eventSourceARN", queueArn)
                    .put("awsRegion", region);
        }
        return Json.bytes(event);
    }
}
