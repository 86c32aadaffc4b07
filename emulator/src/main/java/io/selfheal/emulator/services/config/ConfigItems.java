package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.DescribeResourceConfigurations.Relationship;
import io.selfheal.emulator.messages.DescribeResourceConfigurations.Resource;
import java.time.Instant;
import java.util.List;

/**
 * Builds configuration items in the notification shape {@link ConfigurationItems} describes, from what an owning
 * service answered (https://docs.aws.amazon.com/config/latest/developerguide/config-item-table.html,
 * https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config_develop-rules_example-events.html).
 */
final class ConfigItems {
    static final String DISCOVERED = "ResourceDiscovered";
    static final String OK = "OK";
    static final String DELETED = "ResourceDeleted";
    /** The fields whose change makes a new item; capture time, status and state id always differ. */
    private static final List<String> STATE = List.of("configuration", "supplementaryConfiguration",
            "relationships", "tags", "resourceName", "ARN", "availabilityZone");

    private ConfigItems() {
    }

    /**
     * IAM's resources are global: their items say {@code "awsRegion": "global"} and {@code "availabilityZone":
     * "Not Applicable"} in every region that records them, as AWS's own samples of IAM items show
     * (https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigurationItem.html; the IAM role item of
     * https://docs.aws.amazon.com/config/latest/developerguide/view-manage-resource-console.html), and their oversized
     * notifications go under {@code Config/global/}.
     */
    private static final String GLOBAL_TYPES = "AWS::IAM::";
    static final String GLOBAL = "global";
    private static final String NOT_APPLICABLE = "Not Applicable";

    static boolean deleted(ObjectNode item) {
        return item != null && item.path("configurationItemStatus").asText().startsWith(DELETED);
    }

    static ObjectNode item(String accountId, String region, String type, Resource r, String status, Instant capture,
                           long stateId) {
        ObjectNode item = Json.object();
        item.putArray("relatedEvents");
        ArrayNode related = item.putArray("relationships");
        for (Relationship rel : r.relationships()) {
            ObjectNode out = related.addObject().put("resourceId", rel.resourceId());
            out.put("resourceName", rel.resourceName()).put("resourceType", rel.resourceType())
                    .put("name", rel.name());
        }
        item.set("configuration", r.configuration());
        item.set("supplementaryConfiguration", r.supplementaryConfiguration() == null ? Json.object()
                : r.supplementaryConfiguration());
        ObjectNode tags = item.putObject("tags");
        r.tags().forEach(tags::put);
        boolean global = type.startsWith(GLOBAL_TYPES);
        header(item, accountId, global ? GLOBAL : region, type, r.resourceId(), r.resourceName(), r.arn(),
                global && r.availabilityZone() == null ? NOT_APPLICABLE : r.availabilityZone(), status, capture,
                stateId);
        if (r.creationTime() != null) {
            item.put("resourceCreationTime", r.creationTime().toString());
        }
        return item;
    }

    /** The item saying a resource went away: its names kept, its configuration gone. */
    static ObjectNode deletedItem(ObjectNode last, Instant capture, long stateId) {
        ObjectNode item = Json.object();
        item.putArray("relatedEvents");
        item.putArray("relationships");
        item.putNull("configuration");
        item.putObject("supplementaryConfiguration");
        item.putObject("tags");
        header(item, last.path("awsAccountId").asText(), last.path("awsRegion").asText(),
                last.path("resourceType").asText(), last.path("resourceId").asText(),
                last.path("resourceName").textValue(), last.path("ARN").asText(),
                last.path("availabilityZone").textValue(), DELETED, capture, stateId);
        if (last.hasNonNull("resourceCreationTime")) {
            item.put("resourceCreationTime", last.path("resourceCreationTime").asText());
        }
        return item;
    }

    private static void header(ObjectNode item, String accountId, String region, String type, String id,
                               String name, String arn, String zone, String status, Instant capture, long stateId) {
        item.put("configurationItemVersion", "1.3")
                .put("configurationItemCaptureTime", capture.toString())
                .put("configurationStateId", stateId)
                .put("awsAccountId", accountId)
                .put("configurationItemStatus", status)
                .put("resourceType", type)
                .put("resourceId", id)
                .put("resourceName", name)
                .put("ARN", arn)
                .put("awsRegion", region)
                .put("availabilityZone", zone)
                .put("configurationStateMd5Hash", "");
    }

    /** Whether two items describe the same state of the resource (AWS records no item when nothing changed). */
    static boolean sameState(ObjectNode a, ObjectNode b) {
        for (String field : STATE) {
            if (!a.path(field).equals(b.path(field))) {
                return false;
            }
        }
        return true;
    }
}
