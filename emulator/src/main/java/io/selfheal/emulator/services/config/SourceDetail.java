package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.util.Set;

/**
 * One trigger of a custom rule (https://docs.aws.amazon.com/config/latest/APIReference/API_SourceDetail.html):
 * {@code EventSource} {@code aws.config}, a {@code MessageType} and, for {@code ScheduledNotification}, a
 * {@code MaximumExecutionFrequency}.
 */
record SourceDetail(String messageType, ExecutionFrequency frequency) {
    static final String CHANGE = "ConfigurationItemChangeNotification";
    static final String OVERSIZED = "OversizedConfigurationItemChangeNotification";
    static final String SCHEDULED = "ScheduledNotification";
    static final String SNAPSHOT = "ConfigurationSnapshotDeliveryCompleted";
    private static final Set<String> TYPES = Set.of(CHANGE, OVERSIZED, SCHEDULED, SNAPSHOT);

    static SourceDetail parse(JsonNode node) {
        String source = node.path("EventSource").asText("aws.config");
        if (!source.equals("aws.config")) {
            throw ConfigErrors.validation("1 validation error detected: Value '" + source + "' at "
                    + "'configRule.source.sourceDetails.member.eventSource' failed to satisfy constraint: Member must "
                    + "satisfy enum value set: [aws.config]");
        }
        String type = node.path("MessageType").asText(null);
        if (type == null) {
            throw ConfigErrors.invalidParameter("Missing required parameter in ConfigRule.SourceDetails: \"MessageType\"");
        }
        if (!TYPES.contains(type)) {
            throw ConfigErrors.validation("1 validation error detected: Value '" + type + "' at "
                    + "'configRule.source.sourceDetails.member.messageType' failed to satisfy constraint: Member must "
                    + "satisfy enum value set: [" + CHANGE + ", " + SNAPSHOT + ", " + SCHEDULED + ", " + OVERSIZED
                    + "]");
        }
        if (type.equals(SNAPSHOT)) {
            // The emulator delivers no configuration snapshots, so such a trigger would never fire.
            throw ConfigErrors.invalidParameter("The MessageType " + SNAPSHOT + " is not emulated by selfheal "
                    + "(no configuration snapshots are delivered); use " + SCHEDULED + " or " + CHANGE + ".");
        }
        ExecutionFrequency frequency = ExecutionFrequency.parse(node.path("MaximumExecutionFrequency").asText(null),
                "configRule.source.sourceDetails.member.maximumExecutionFrequency");
        if (frequency != null && !type.equals(SCHEDULED)) {
            throw ConfigErrors.invalidParameter("A MaximumExecutionFrequency is allowed only with the MessageType "
                    + SCHEDULED + ".");
        }
        return new SourceDetail(type, frequency);
    }

    boolean changeTriggered() {
        return messageType.equals(CHANGE) || messageType.equals(OVERSIZED);
    }

    ObjectNode toJson() {
        ObjectNode out = Json.object().put("EventSource", "aws.config").put("MessageType", messageType);
        if (frequency != null) {
            out.put("MaximumExecutionFrequency", frequency.name());
        }
        return out;
    }
}
