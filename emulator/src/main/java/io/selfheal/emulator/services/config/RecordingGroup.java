package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a recorder records (https://docs.aws.amazon.com/config/latest/APIReference/API_RecordingGroup.html): every
 * supported type ({@code allSupported}, global IAM types only with {@code includeGlobalResourceTypes}), the listed
 * {@code resourceTypes}, or every type but {@code exclusionByResourceTypes}. Without a recording group a recorder
 * records all supported types, IAM included.
 */
record RecordingGroup(boolean allSupported, boolean includeGlobalResourceTypes, Set<String> resourceTypes,
                      Set<String> excluded) {

    /** The types whose configuration items are emulated, in the order the issue and AWS's list name them. */
    static final List<String> SUPPORTED = List.of("AWS::EC2::SecurityGroup", "AWS::EC2::Instance",
            "AWS::EC2::Volume", "AWS::EC2::NetworkInterface", "AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::S3::Bucket",
            "AWS::IAM::Role", "AWS::Lambda::Function");
    /** IAM is global: recorded only where asked for explicitly or with {@code includeGlobalResourceTypes}. */
    static final Set<String> GLOBAL = Set.of("AWS::IAM::Role");

    static final RecordingGroup DEFAULT = new RecordingGroup(true, true, Set.of(), Set.of());

    static RecordingGroup parse(JsonNode group) {
        if (group == null || group.isNull() || group.isMissingNode()) {
            return DEFAULT;
        }
        boolean all = group.path("allSupported").asBoolean(false);
        boolean global = group.path("includeGlobalResourceTypes").asBoolean(false);
        Set<String> types = strings(group.path("resourceTypes"));
        Set<String> excluded = strings(group.path("exclusionByResourceTypes").path("resourceTypes"));
        String strategy = group.path("recordingStrategy").path("useOnly").asText("");
        if (all && (!types.isEmpty() || !excluded.isEmpty())) {
            throw invalid("The recording group provided is not valid: allSupported is true, so resourceTypes and "
                    + "exclusionByResourceTypes must be empty.");
        }
        if (!all && global) {
            throw invalid("The recording group provided is not valid: includeGlobalResourceTypes can be true only "
                    + "when allSupported is true.");
        }
        if (!all && types.isEmpty() && excluded.isEmpty()) {
            throw invalid("The recording group provided is not valid: name the resourceTypes to record, or set "
                    + "allSupported to true.");
        }
        if (!types.isEmpty() && !excluded.isEmpty()) {
            throw invalid("The recording group provided is not valid: resourceTypes and exclusionByResourceTypes "
                    + "cannot both be set.");
        }
        if (!excluded.isEmpty() && !strategy.equals("EXCLUSION_BY_RESOURCE_TYPES")) {
            throw invalid("The recording group provided is not valid: exclusionByResourceTypes needs the "
                    + "recordingStrategy EXCLUSION_BY_RESOURCE_TYPES.");
        }
        for (String type : types) {
            if (!type.matches("AWS::[A-Za-z0-9]+::[A-Za-z0-9]+")) {
                throw invalid("The recording group provided is not valid: " + type + " is not a resource type.");
            }
        }
        return new RecordingGroup(all, global, types, excluded);
    }

    private static Set<String> strings(JsonNode list) {
        Set<String> out = new LinkedHashSet<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static AwsException invalid(String message) {
        return AwsException.badRequest("InvalidRecordingGroupException", message);
    }

    boolean records(String type) {
        if (!resourceTypes.isEmpty()) {
            return resourceTypes.contains(type);
        }
        if (!excluded.isEmpty()) {
            return !excluded.contains(type) && !GLOBAL.contains(type);
        }
        return !GLOBAL.contains(type) || includeGlobalResourceTypes;
    }

    /** The emulated types this group records. */
    List<String> recordedTypes() {
        List<String> out = new ArrayList<>();
        SUPPORTED.stream().filter(this::records).forEach(out::add);
        return out;
    }

    ObjectNode toJson() {
        ObjectNode out = Json.object().put("allSupported", allSupported)
                .put("includeGlobalResourceTypes", includeGlobalResourceTypes);
        ArrayNode types = out.putArray("resourceTypes");
        resourceTypes.forEach(types::add);
        ArrayNode excludedTypes = out.putObject("exclusionByResourceTypes").putArray("resourceTypes");
        excluded.forEach(excludedTypes::add);
        out.putObject("recordingStrategy").put("useOnly", !excluded.isEmpty() ? "EXCLUSION_BY_RESOURCE_TYPES"
                : allSupported ? "ALL_SUPPORTED_RESOURCE_TYPES" : "INCLUSION_BY_RESOURCE_TYPES");
        return out;
    }
}
