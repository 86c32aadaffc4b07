package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.protocol.TimestampNode;
import java.time.Instant;

/**
 * The configuration recorder and delivery channel of one account and region (at most one of each, as on AWS), and
 * whether the recorder is recording. Guarded by its own monitor.
 */
final class RecordingSetup {

    /** A recorder as PutConfigurationRecorder stores it. */
    record Recorder(String name, String roleArn, RecordingGroup group, ObjectNode recordingMode) {
        ObjectNode toJson() {
            ObjectNode out = Json.object().put("name", name).put("roleARN", roleArn);
            out.set("recordingGroup", group.toJson());
            out.set("recordingMode", recordingMode);
            return out;
        }
    }

    /** A delivery channel as PutDeliveryChannel stores it. */
    record Channel(String name, String bucket, String keyPrefix, String kmsKeyArn, String topicArn,
                   String deliveryFrequency) {
        ObjectNode toJson() {
            ObjectNode out = Json.object().put("name", name).put("s3BucketName", bucket);
            putIfSet(out, "s3KeyPrefix", keyPrefix);
            putIfSet(out, "s3KmsKeyArn", kmsKeyArn);
            putIfSet(out, "snsTopicARN", topicArn);
            if (deliveryFrequency != null) {
                out.putObject("configSnapshotDeliveryProperties").put("deliveryFrequency", deliveryFrequency);
            }
            return out;
        }

        private static void putIfSet(ObjectNode out, String field, String value) {
            if (value != null) {
                out.put(field, value);
            }
        }
    }

    /**
     * The {@code name} of a recorder or channel a Put request gives, {@code default} when it gives none: 1 to 256
     * characters, else AWS's {@code Invalid…NameException}.
     */
    static String name(com.fasterxml.jackson.databind.JsonNode given, String errorCode, String what) {
        String name = given.path("name").asText("default");
        if (name.isEmpty() || name.length() > 256) {
            throw io.selfheal.emulator.core.AwsException.badRequest(errorCode,
                    "The " + what + " name '" + name + "' is not valid: it must be 1 to 256 characters.");
        }
        return name;
    }

    private Recorder recorder;
    private Channel channel;
    private boolean recording;
    private Instant lastStart;
    private Instant lastStop;
    private Instant lastStatusChange;

    synchronized Recorder recorder() {
        return recorder;
    }

    synchronized void recorder(Recorder recorder) {
        this.recorder = recorder;
    }

    synchronized Channel channel() {
        return channel;
    }

    synchronized void channel(Channel channel) {
        this.channel = channel;
    }

    synchronized boolean recording() {
        return recorder != null && recording;
    }

    /** The group of a recorder that is recording, else null. */
    synchronized RecordingGroup recordingGroup() {
        return recording() ? recorder.group() : null;
    }

    synchronized void start(Instant now) {
        recording = true;
        lastStart = now;
        lastStatusChange = now;
    }

    synchronized void stop(Instant now) {
        recording = false;
        lastStop = now;
        lastStatusChange = now;
    }

    synchronized void deleteRecorder() {
        recorder = null;
        recording = false;
        lastStart = null;
        lastStop = null;
        lastStatusChange = null;
    }

    /** DescribeConfigurationRecorderStatus's entry. */
    synchronized ObjectNode recorderStatus() {
        ObjectNode out = Json.object().put("name", recorder.name()).put("recording", recording);
        if (lastStart != null) {
            out.set("lastStartTime", TimestampNode.of(lastStart));
        }
        if (lastStop != null) {
            out.set("lastStopTime", TimestampNode.of(lastStop));
        }
        if (lastStatusChange != null) {
            // Recording works from the start here: the first snapshot is taken at once.
            out.put("lastStatus", "Success");
            out.set("lastStatusChangeTime", TimestampNode.of(lastStatusChange));
        }
        return out;
    }
}
