package io.selfheal.emulator.services.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.ServiceEventCapture;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Records keyed and formatted as AWS's ("CloudTrail record contents for management, data, and network activity
 * events"), compared with a real "AWS API Call via CloudTrail" event (reference-events/aws-api-call-via-cloudtrail-
 * authorize-security-group-ingress.json).
 */
class CloudTrailRecordShapeTest extends CloudTrailTestBase {
    private static final String SECONDS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static final JsonNode REFERENCE =
            ServiceEventCapture.reference("aws-api-call-via-cloudtrail-authorize-security-group-ingress.json");

    @Test
    void theEnvelopeAndRecordHaveTheReferenceKeysInOrder() {
        String id = runInstance();
        ec2.rebootInstances(b -> b.instanceIds(id));
        JsonNode event = cloudTrailEvents("RebootInstances").get(0);
        assertThat(names(event)).containsExactlyInAnyOrderElementsOf(names(REFERENCE));
        // A root caller has no sessionContext; everything else is keyed as in the reference.
        assertThat(names(event.path("detail"))).containsExactlyElementsOf(names(REFERENCE.path("detail")));
    }

    @Test
    void valuesAreFormattedAsAwsFormatsThem() {
        String id = runInstance();
        var response = ec2.rebootInstances(b -> b.instanceIds(id));
        JsonNode detail = cloudTrailEvents("RebootInstances").get(0).path("detail");
        assertThat(detail.path("eventVersion").asText()).isEqualTo("1.08");
        assertThat(detail.path("eventTime").asText()).matches(SECONDS);
        assertThat(detail.path("eventID").asText()).matches(UUID);
        assertThat(detail.path("requestID").asText()).isEqualTo(response.responseMetadata().requestId());
        assertThat(detail.path("responseElements").path("requestId").asText())
                .isEqualTo(response.responseMetadata().requestId());
        assertThat(detail.path("readOnly").isBoolean()).isTrue();
        assertThat(detail.path("managementEvent").asBoolean()).isTrue();
        assertThat(detail.path("eventType").asText()).isEqualTo("AwsApiCall");
        assertThat(detail.path("eventCategory").asText()).isEqualTo("Management");
        assertThat(detail.path("recipientAccountId").asText()).isEqualTo(ACCOUNT);
        assertThat(detail.path("sourceIPAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(detail.path("userAgent").asText()).startsWith("aws-sdk-java/2.");
    }

    @Test
    void aRootCallerIsIdentifiedAsRoot() {
        runInstance();
        JsonNode identity = cloudTrailEvents("RunInstances").get(0).path("detail").path("userIdentity");
        assertThat(names(identity)).containsExactly("type", "principalId", "arn", "accountId", "accessKeyId");
        assertThat(identity.path("type").asText()).isEqualTo("Root");
        assertThat(identity.path("principalId").asText()).isEqualTo(ACCOUNT);
        assertThat(identity.path("arn").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":root");
        assertThat(identity.path("accessKeyId").asText()).isEqualTo("AKIAIOSFODNN7EXAMPLE");
    }

    /** EC2's XML-derived request shape: RunInstances carries image and counts inside instancesSet. */
    @Test
    void ec2RequestsTakeTheirXmlApiShape() {
        ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1).instanceType("t3.micro")
                .tagSpecifications(t -> t.resourceType("instance").tags(g -> g.key("Name").value("web"))));
        JsonNode params = cloudTrailEvents("RunInstances").get(0).path("detail").path("requestParameters");
        JsonNode item = params.path("instancesSet").path("items").get(0);
        assertThat(item.path("imageId").asText()).isEqualTo("ami-12345678");
        assertThat(item.path("minCount").isInt()).isTrue();
        assertThat(item.path("maxCount").asInt()).isEqualTo(1);
        assertThat(params.path("instanceType").asText()).isEqualTo("t3.micro");
        JsonNode spec = params.path("tagSpecificationSet").path("items").get(0);
        assertThat(spec.path("resourceType").asText()).isEqualTo("instance");
        assertThat(spec.path("tags").get(0).path("key").asText()).isEqualTo("Name");
        JsonNode response = cloudTrailEvents("RunInstances").get(0).path("detail").path("responseElements");
        assertThat(response.path("instancesSet").path("items").isArray()).isTrue();
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
