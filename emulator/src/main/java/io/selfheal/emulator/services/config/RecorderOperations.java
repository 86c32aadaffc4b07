package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.List;
import java.util.Set;

/**
 * PutConfigurationRecorder, DescribeConfigurationRecorders, DescribeConfigurationRecorderStatus,
 * StartConfigurationRecorder, StopConfigurationRecorder and DeleteConfigurationRecorder
 * (https://docs.aws.amazon.com/config/latest/APIReference/API_PutConfigurationRecorder.html …). One recorder per
 * account and region; starting needs a delivery channel. Like AWS, PutConfigurationRecorder checks only that a role
 * ARN is given (InvalidRoleException: "a null or empty role ARN"); the role is not assumed here. Starting records
 * every recorded resource at once (their {@code ResourceDiscovered} items), off the request thread.
 */
final class RecorderOperations {
    private final EmulatorContext context;
    private final Setups setups;
    private final ResourceRecorder recorder;

    RecorderOperations(EmulatorContext context, Setups setups, ResourceRecorder recorder) {
        this.context = context;
        this.setups = setups;
        this.recorder = recorder;
    }

    JsonNode put(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.VALIDATION_EXCEPTION);
        JsonNode given = p.requiredNode("ConfigurationRecorder");
        String name = RecordingSetup.name(given, "InvalidConfigurationRecorderNameException",
                "configuration recorder");
        String role = given.path("roleARN").asText("");
        if (role.isBlank()) {
            throw AwsException.badRequest("InvalidRoleException",
                    "The role ARN of the configuration recorder is null or empty.");
        }
        RecordingGroup group = RecordingGroup.parse(given.get("recordingGroup"));
        JsonNode mode = given.path("recordingMode");
        ObjectNode recordingMode = mode.isObject() ? (ObjectNode) mode.deepCopy()
                : Json.object().put("recordingFrequency", "CONTINUOUS");
        if (!recordingMode.path("recordingFrequency").asText("CONTINUOUS").equals("CONTINUOUS")) {
            throw AwsException.badRequest("InvalidParameterValueException",
                    "Only the CONTINUOUS recording frequency is emulated.");
        }
        RecordingSetup setup = setups.get(ctx);
        synchronized (setup) {
            RecordingSetup.Recorder existing = setup.recorder();
            if (existing != null && !existing.name().equals(name)) {
                throw AwsException.badRequest("MaxNumberOfConfigurationRecordersExceededException",
                        "Failed to put configuration recorder '" + name + "' because the maximum number of "
                                + "configuration recorders: 1 is reached.");
            }
            setup.recorder(new RecordingSetup.Recorder(name, role, group, recordingMode));
        }
        if (setup.recording()) {
            discover(ctx); // a wider group records the newly included types now
        }
        return null;
    }

    JsonNode describe(RequestContext ctx, ObjectNode input) {
        RecordingSetup.Recorder r = setups.get(ctx).recorder();
        ArrayNode list = Json.array();
        for (String name : names(input)) {
            if (r == null || !r.name().equals(name)) {
                throw noSuchRecorder(name);
            }
        }
        if (r != null) {
            list.add(r.toJson());
        }
        return Json.object().set("ConfigurationRecorders", list);
    }

    JsonNode status(RequestContext ctx, ObjectNode input) {
        RecordingSetup setup = setups.get(ctx);
        RecordingSetup.Recorder r = setup.recorder();
        for (String name : names(input)) {
            if (r == null || !r.name().equals(name)) {
                throw noSuchRecorder(name);
            }
        }
        ArrayNode list = Json.array();
        if (r != null) {
            list.add(setup.recorderStatus());
        }
        return Json.object().set("ConfigurationRecordersStatus", list);
    }

    JsonNode start(RequestContext ctx, ObjectNode input) {
        RecordingSetup setup = named(ctx, input);
        if (setup.channel() == null) {
            throw AwsException.badRequest("NoAvailableDeliveryChannelException",
                    "Delivery channel is not available to start configuration recorder.");
        }
        setup.start(ctx.receivedAt());
        discover(ctx);
        return null;
    }

    JsonNode stop(RequestContext ctx, ObjectNode input) {
        named(ctx, input).stop(ctx.receivedAt());
        return null;
    }

    JsonNode delete(RequestContext ctx, ObjectNode input) {
        named(ctx, input).deleteRecorder();
        return null;
    }

    /** The setup whose recorder the request names in {@code ConfigurationRecorderName}. */
    private RecordingSetup named(RequestContext ctx, ObjectNode input) {
        String name = new Params(input, Params.VALIDATION_EXCEPTION).required("ConfigurationRecorderName");
        RecordingSetup setup = setups.get(ctx);
        RecordingSetup.Recorder r = setup.recorder();
        if (r == null || !r.name().equals(name)) {
            throw noSuchRecorder(name);
        }
        return setup;
    }

    private void discover(RequestContext ctx) {
        String account = ctx.accountId();
        String region = ctx.region();
        context.workers().execute(context.activity().track(
                () -> recorder.record(account, region, Set.copyOf(RecordingGroup.SUPPORTED))));
    }

    private static List<String> names(ObjectNode input) {
        return new Params(input, Params.VALIDATION_EXCEPTION).strings("ConfigurationRecorderNames");
    }

    private static AwsException noSuchRecorder(String name) {
        return AwsException.badRequest("NoSuchConfigurationRecorderException",
                "Cannot find configuration recorder with the specified name '" + name + "'.");
    }
}
