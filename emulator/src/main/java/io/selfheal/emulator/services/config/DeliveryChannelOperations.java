package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.InternalBus;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.NoHandlerException;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.messages.DescribeBucket;
import io.selfheal.emulator.service.Params;
import java.util.Set;

/**
 * PutDeliveryChannel, DescribeDeliveryChannels, DescribeDeliveryChannelStatus and DeleteDeliveryChannel
 * (https://docs.aws.amazon.com/config/latest/APIReference/API_PutDeliveryChannel.html …). A channel needs a recorder
 * first and names an S3 bucket that exists (asked of S3 over the bus); a bucket of another account must let
 * {@code config.amazonaws.com} write (https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-policy.html).
 * Configuration history and snapshot files are not written yet, so the status reports no delivery.
 */
final class DeliveryChannelOperations {
    private static final Set<String> FREQUENCIES = Set.of("One_Hour", "Three_Hours", "Six_Hours", "Twelve_Hours",
            "TwentyFour_Hours");

    private final Setups setups;
    private final InternalBus bus;

    DeliveryChannelOperations(Setups setups, InternalBus bus) {
        this.setups = setups;
        this.bus = bus;
    }

    JsonNode put(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.VALIDATION_EXCEPTION);
        JsonNode given = p.requiredNode("DeliveryChannel");
        String name = RecordingSetup.name(given, "InvalidDeliveryChannelNameException", "delivery channel");
        RecordingSetup setup = setups.get(ctx);
        if (setup.recorder() == null) {
            throw AwsException.badRequest("NoAvailableConfigurationRecorderException",
                    "Configuration recorder is not available to put delivery channel.");
        }
        RecordingSetup.Channel existing = setup.channel();
        if (existing != null && !existing.name().equals(name)) {
            throw AwsException.badRequest("MaxNumberOfDeliveryChannelsExceededException",
                    "Failed to put delivery channel '" + name + "' because the maximum number of delivery channels: "
                            + "1 is reached.");
        }
        String bucket = given.path("s3BucketName").asText("");
        String prefix = text(given, "s3KeyPrefix");
        if (prefix != null && (prefix.startsWith("/") || prefix.contains("AWSLogs") || prefix.length() > 1024)) {
            throw AwsException.badRequest("InvalidS3KeyPrefixException",
                    "The s3 key prefix '" + prefix + "' is not valid.");
        }
        String kms = text(given, "s3KmsKeyArn");
        if (kms != null && !kms.startsWith("arn:aws:kms:")) {
            throw AwsException.badRequest("InvalidS3KmsKeyArnException", "The KMS key ARN '" + kms
                    + "' is not valid.");
        }
        String topic = text(given, "snsTopicARN");
        if (topic != null && !topic.matches("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}")) {
            throw AwsException.badRequest("InvalidSNSTopicARNException", "The sns topic arn '" + topic
                    + "' is not valid.");
        }
        String frequency = given.path("configSnapshotDeliveryProperties").path("deliveryFrequency").textValue();
        if (frequency != null && !FREQUENCIES.contains(frequency)) {
            throw AwsException.badRequest("ValidationException", "1 validation error detected: Value '" + frequency
                    + "' at 'deliveryChannel.configSnapshotDeliveryProperties.deliveryFrequency' failed to satisfy "
                    + "constraint: Member must satisfy enum value set: [One_Hour, TwentyFour_Hours, Six_Hours, "
                    + "Three_Hours, Twelve_Hours]");
        }
        checkBucket(ctx, bucket);
        setup.channel(new RecordingSetup.Channel(name, bucket, prefix, kms, topic, frequency));
        return null;
    }

    JsonNode describe(RequestContext ctx, ObjectNode input) {
        RecordingSetup.Channel channel = named(ctx, input);
        ArrayNode list = Json.array();
        if (channel != null) {
            list.add(channel.toJson());
        }
        return Json.object().set("DeliveryChannels", list);
    }

    JsonNode status(RequestContext ctx, ObjectNode input) {
        RecordingSetup.Channel channel = named(ctx, input);
        ArrayNode list = Json.array();
        if (channel != null) {
            ObjectNode status = list.addObject().put("name", channel.name());
            status.putObject("configSnapshotDeliveryInfo");
            status.putObject("configHistoryDeliveryInfo");
            status.putObject("configStreamDeliveryInfo").put("lastStatus", "Not_Applicable");
        }
        return Json.object().set("DeliveryChannelsStatus", list);
    }

    JsonNode delete(RequestContext ctx, ObjectNode input) {
        String name = new Params(input, Params.VALIDATION_EXCEPTION).required("DeliveryChannelName");
        RecordingSetup setup = setups.get(ctx);
        synchronized (setup) {
            RecordingSetup.Channel channel = setup.channel();
            if (channel == null || !channel.name().equals(name)) {
                throw noSuchChannel(name);
            }
            if (setup.recording()) {
                throw AwsException.badRequest("LastDeliveryChannelDeleteFailedException",
                        "Failed to delete last specified delivery channel with name '" + name + "', because there "
                                + "is a running configuration recorder.");
            }
            setup.channel(null);
        }
        return null;
    }

    /** The channel, after checking every name in {@code DeliveryChannelNames} is it; null when there is none. */
    private RecordingSetup.Channel named(RequestContext ctx, ObjectNode input) {
        RecordingSetup.Channel channel = setups.get(ctx).channel();
        for (String name : new Params(input, Params.VALIDATION_EXCEPTION).strings("DeliveryChannelNames")) {
            if (channel == null || !channel.name().equals(name)) {
                throw noSuchChannel(name);
            }
        }
        return channel;
    }

    private void checkBucket(RequestContext ctx, String bucket) {
        DescribeBucket.Result found;
        try {
            found = bucket.isEmpty() ? DescribeBucket.Result.notFound() : bus.ask(new DescribeBucket(bucket));
        } catch (NoHandlerException noS3) {
            found = DescribeBucket.Result.notFound();
        }
        if (!found.found()) {
            throw AwsException.badRequest("NoSuchBucketException", bucket.isEmpty()
                    ? "Cannot find a S3 bucket with an empty bucket name."
                    : "Cannot find a S3 bucket with name '" + bucket + "'.");
        }
        if (!found.ownerAccount().equals(ctx.accountId()) && !grantsConfig(found.policy())) {
            throw AwsException.badRequest("InsufficientDeliveryPolicyException",
                    "Your Amazon S3 bucket policy does not permit AWS Config to write to it.");
        }
    }

    /** Whether a bucket policy lets {@code config.amazonaws.com} put objects (AWS's documented policy). */
    private static boolean grantsConfig(String policyText) {
        if (policyText == null) {
            return false;
        }
        try {
            JsonNode statements = Json.parse(policyText).path("Statement");
            for (JsonNode s : statements.isArray() ? statements : Json.array().add(statements)) {
                if (s.path("Effect").asText().equals("Allow")
                        && s.path("Principal").path("Service").toString().contains("config.amazonaws.com")
                        && s.path("Action").toString().matches(".*\"(s3:PutObject|s3:\\*|\\*)\".*")) {
                    return true;
                }
            }
        } catch (java.io.IOException e) {
            return false;
        }
        return false;
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).textValue();
        return value == null || value.isEmpty() ? null : value;
    }

    private static AwsException noSuchChannel(String name) {
        return AwsException.badRequest("NoSuchDeliveryChannelException",
                "Cannot find delivery channel with specified name '" + name + "'.");
    }
}
