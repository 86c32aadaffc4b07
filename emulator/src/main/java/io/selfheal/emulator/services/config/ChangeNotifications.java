package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.InternalBus;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.NoHandlerException;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.PutBucketObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.zip.GZIPOutputStream;

/**
 * The notification AWS Config sends for one recorded change, to EventBridge and to change-triggered custom rules: the
 * full {@code ConfigurationItemChangeNotification}, or, when that exceeds what Amazon SNS allows (256 KB,
 * https://docs.aws.amazon.com/sns/latest/dg/sns-message-size.html — "If the notification exceeds the maximum size
 * allowed by Amazon SNS, the notification includes a brief summary of the configuration item",
 * https://docs.aws.amazon.com/config/latest/developerguide/oversized-notification-example.html), an
 * {@code OversizedConfigurationItemChangeNotification}: a {@code configurationItemSummary} and an
 * {@code s3DeliverySummary} naming where the delivery channel's bucket received the full notification, gzipped, under
 * {@code AWSLogs/<account>/Config/<region>/<y>/<m>/<d>/OversizedChangeNotification/<type>/<id>/…json.gz}. When the
 * bucket cannot take it the summary says why with a null location and the event's {@code messageType} is
 * {@code OversizedConfigurationItemChangeDeliveryFailed}
 * (https://docs.aws.amazon.com/config/latest/developerguide/notification-delivery-failed.html).
 */
final class ChangeNotifications {
    static final String DELIVERY_FAILED = "OversizedConfigurationItemChangeDeliveryFailed";
    /** Amazon SNS's message size limit, which Config's notifications are held to. */
    static final int MAX_BYTES = 256 * 1024;
    private static final String[] SUMMARY_FIELDS = {"configurationItemVersion", "configurationItemCaptureTime",
        "configurationStateId", "awsAccountId", "configurationItemStatus", "resourceType", "resourceId",
        "resourceName", "ARN", "awsRegion", "availabilityZone", "configurationStateMd5Hash", "resourceCreationTime"};
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final InternalBus bus;
    private final Setups setups;

    ChangeNotifications(InternalBus bus, Setups setups) {
        this.bus = bus;
        this.setups = setups;
    }

    /** The notification of a change recorded now; an oversized one is delivered to the channel's bucket first. */
    ObjectNode of(String accountId, String region, ObjectNode previous, ObjectNode current, Instant now) {
        ObjectNode full = Json.object().put("recordVersion", "1.3").put("messageType", SourceDetail.CHANGE);
        full.set("configurationItemDiff", ItemDiff.of(previous, current));
        full.put("notificationCreationTime", EvaluationResult.iso(now));
        full.set("configurationItem", current);
        byte[] json = Json.bytes(full);
        if (json.length <= MAX_BYTES) {
            return full;
        }
        ObjectNode delivery = deliver(accountId, region, current, gzip(json));
        ObjectNode oversized = Json.object();
        oversized.set("configurationItemSummary", summary(full.path("configurationItemDiff"), current));
        oversized.set("s3DeliverySummary", delivery);
        oversized.put("notificationCreationTime", EvaluationResult.iso(now));
        oversized.put("messageType", delivery.path("errorCode").isNull() ? SourceDetail.OVERSIZED : DELIVERY_FAILED);
        oversized.put("recordVersion", "1.0");
        return oversized;
    }

    static boolean oversized(JsonNode notification) {
        return !notification.path("messageType").asText().equals(SourceDetail.CHANGE);
    }

    private ObjectNode deliver(String accountId, String region, ObjectNode item, byte[] body) {
        RecordingSetup setup = setups.find(accountId, region);
        RecordingSetup.Channel channel = setup == null ? null : setup.channel();
        ObjectNode out = Json.object();
        String bucket = channel == null ? null : channel.bucket();
        Delivery delivery;
        String key = key(channel, accountId, region, item);
        try {
            delivery = bucket == null ? Delivery.refused("NoSuchDeliveryChannelException", null)
                    : bus.ask(new PutBucketObject(bucket, key, "application/x-gzip", body));
        } catch (NoHandlerException s3LeftOut) {
            delivery = Delivery.refused("NoSuchBucket", null);
        }
        if (delivery.accepted()) {
            out.put("s3BucketLocation", bucket + "/" + key);
            out.putNull("errorCode");
            out.putNull("errorMessage");
        } else {
            out.putNull("s3BucketLocation");
            out.put("errorCode", delivery.errorCode());
            out.put("errorMessage", "Failed to deliver notification to bucket: " + bucket + " for account "
                    + accountId + " in region " + region + ".");
        }
        return out;
    }

    /** The object key AWS's examples show; the region part is the item's (global for IAM). */
    private static String key(RecordingSetup.Channel channel, String accountId, String region, ObjectNode item) {
        String itemRegion = item.path("awsRegion").asText(region);
        Instant capture = Instant.parse(item.path("configurationItemCaptureTime").asText());
        ZonedDateTime day = capture.atZone(ZoneOffset.UTC);
        String type = item.path("resourceType").asText();
        String id = item.path("resourceId").asText();
        String prefix = channel == null || channel.keyPrefix() == null ? "" : channel.keyPrefix() + "/";
        return prefix + "AWSLogs/" + accountId + "/Config/" + itemRegion + "/" + day.getYear() + "/"
                + day.getMonthValue() + "/" + day.getDayOfMonth() + "/OversizedChangeNotification/" + type + "/" + id
                + "/" + accountId + "_Config_" + itemRegion + "_ChangeNotification_" + type + "_" + id + "_"
                + STAMP.format(capture) + "_" + item.path("configurationStateId").asText() + ".json.gz";
    }

    private static ObjectNode summary(JsonNode diff, ObjectNode item) {
        ObjectNode s = Json.object().put("changeType", diff.path("changeType").asText());
        for (String field : SUMMARY_FIELDS) {
            JsonNode v = item.get(field);
            s.set(field, v == null ? Json.MAPPER.nullNode() : v);
        }
        return s;
    }

    private static byte[] gzip(byte[] json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 8);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
