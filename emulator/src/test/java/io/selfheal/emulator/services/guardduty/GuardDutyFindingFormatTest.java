package io.selfheal.emulator.services.guardduty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.control.GuardDutyControl.FindingInjection;
import io.selfheal.emulator.messages.ServiceEvent;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;

/**
 * Every finding type GuardDuty emits here — as a sample and, where EC2 can back it, injected for a real instance —
 * holds against AWS's documented finding format: the fixture {@code guardduty-finding-backdoor-ec2-ccactivity-b.json}
 * (AWS's "EventBridge event format for GuardDuty" envelope around a finding from AWS's samples, see the fixtures
 * README), the finding format (https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-format.html: type
 * {@code ThreatPurpose:ResourceTypeAffected/ThreatFamilyName.DetectionMechanism!Artifact}) and the severity bands
 * (https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings-severity.html).
 */
class GuardDutyFindingFormatTest {
    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.virtualTime(START).recording(ServiceEvent.class);

    /**
     * Where a documented sample and ours may differ, and why: the image description is not something EC2 here knows;
     * additionalInfo is free-form per type; the fixture's launchTime is epoch millis where the API model and other AWS
     * samples give ISO text (we give text); the fixture's ASN is a number where the API model says String.
     */
    static final Set<String> MAY_DIFFER = Set.of("detail.resource.instanceDetails.imageDescription",
            "detail.service.additionalInfo", "detail.resource.instanceDetails.launchTime", "organization.asn");

    static JsonNode reference;
    static String instanceId;

    @BeforeAll
    static void setUp() throws IOException {
        try (InputStream in = GuardDutyFindingFormatTest.class
                .getResourceAsStream("/events/guardduty-finding-backdoor-ec2-ccactivity-b.json")) {
            reference = Json.parse(in.readAllBytes());
        }
        Ec2Client ec2 = AWS.client(Ec2Client.class);
        String web = ec2.createSecurityGroup(b -> b.groupName("web").description("web")).groupId();
        instanceId = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1).securityGroupIds(web)
                .tagSpecifications(t -> t.resourceType("instance").tags(g -> g.key("Name").value("web"))))
                .instances().get(0).instanceId();
        AWS.client(GuardDutyClient.class).createDetector(b -> b.enable(true));
    }

    static Stream<String> types() {
        return SampleFindings.types().stream();
    }

    @ParameterizedTest
    @MethodSource("types")
    void sampleEventsHaveTheDocumentedShape(String type) {
        JsonNode event = SampleFindings.event(type, "123456789012", "us-east-1", "0".repeat(32),
                "1".repeat(32), "cd2d702e-ab31-411b-9344-793ce56b1bc7", START);

        assertDocumentedShape(type, event);
        assertThat(event.path("detail").path("service").path("additionalInfo").path("sample").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("types")
    void injectedFindingsHaveTheDocumentedShape(String type) {
        if (FindingTypes.find(type).resource() == FindingType.ResourceKind.ACCESS_KEY) {
            return; // needs an instance profile, which EC2 here does not associate yet: the sample case covers it
        }
        String id = AWS.emulator().control().guardDuty().inject(new FindingInjection(AWS.emulator().accountId(),
                AWS.emulator().region(), instanceId, type, null)).findingId();
        JsonNode detail = GuardDutyInjectionTest.guardDutyEvents(AWS).stream().map(ServiceEvent::detail)
                .filter(d -> d.path("id").asText().equals(id)).findFirst().orElseThrow();
        JsonNode event = Json.object().put("version", "0").put("id", "x").put("detail-type", "GuardDuty Finding")
                .put("source", "aws.guardduty").put("account", "1").put("time", "t").put("region", "r")
                .set("detail", detail);
        ((com.fasterxml.jackson.databind.node.ObjectNode) event).putArray("resources");

        assertDocumentedShape(type, event);
        assertThat(detail.path("resource").path("instanceDetails").path("instanceId").asText()).isEqualTo(instanceId);
        // Launched into a default subnet, the instance has a public address, and the finding shows EC2's.
        var launched = AWS.client(Ec2Client.class).describeInstances(b -> b.instanceIds(instanceId)).reservations()
                .get(0).instances().get(0);
        JsonNode eni = detail.path("resource").path("instanceDetails").path("networkInterfaces").path(0);
        assertThat(eni.path("publicIp").asText()).isEqualTo(launched.publicIpAddress()).isNotEmpty();
        assertThat(eni.path("publicDnsName").asText()).isEqualTo(launched.publicDnsName());
        assertThat(detail.path("service").path("additionalInfo").has("sample")).isFalse();
    }

    @Test
    void everyTypeTheIssueNamesIsSupported() {
        assertThat(SampleFindings.types()).contains("Backdoor:EC2/C&CActivity.B", "Backdoor:EC2/C&CActivity.B!DNS",
                "CryptoCurrency:EC2/BitcoinTool.B!DNS", "UnauthorizedAccess:EC2/SSHBruteForce",
                "Recon:EC2/PortProbeUnprotectedPort",
                "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS",
                "Trojan:EC2/DNSDataExfiltration");
    }

    private static void assertDocumentedShape(String type, JsonNode event) {
        JsonNode f = event.path("detail");
        List<String> problems = new ArrayList<>();
        FindingType t = FindingTypes.find(type);
        JsonNode ref = reference;
        if (t.resource() != FindingType.ResourceKind.INSTANCE || t.action() != FindingType.ActionKind.NETWORK_CONNECTION) {
            // The fixture's action is a network connection: compare the rest, and the action's kind member below.
            ref = reference.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) ref.path("detail").path("service")).remove("action");
            ((com.fasterxml.jackson.databind.node.ObjectNode) ref.path("detail").path("resource"))
                    .remove("resourceType");
        }
        compare("", ref, event, problems);
        assertThat(problems).as(type + " against the documented format").isEmpty();

        assertThat(f.path("type").asText()).isEqualTo(type)
                .matches("[A-Za-z]+:[A-Za-z0-9]+/[A-Za-z0-9&.]+(![A-Za-z]+)?");
        assertThat(f.path("id").asText()).matches("[0-9a-f]{32}");
        assertThat(f.path("arn").asText()).matches("arn:aws:guardduty:[a-z0-9-]+:\\d{12}:detector/[0-9a-f]{32}"
                + "/finding/" + f.path("id").asText());
        assertThat(f.path("severity").isNumber()).isTrue();
        double severity = f.path("severity").asDouble();
        assertThat(severity).isBetween(1.0, 8.9); // Low 1.0–3.9, Medium 4.0–6.9, High 7.0–8.9 (not an attack sequence)
        assertThat(f.path("resource").path("resourceType").asText()).isEqualTo(t.resource().wireName);
        JsonNode action = f.path("service").path("action");
        assertThat(action.path("actionType").asText()).isEqualTo(t.action().name());
        assertThat(action.path(t.action().member).isObject()).as(t.action().member).isTrue();
        for (String ts : List.of("createdAt", "updatedAt")) {
            assertThat(f.path(ts).asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        }
        assertThat(f.path("title").asText()).doesNotContain("{");
        assertThat(f.path("description").asText()).doesNotContain("{").doesNotContain("null");
        if (t.resource() == FindingType.ResourceKind.ACCESS_KEY) {
            assertThat(f.path("resource").path("accessKeyDetails").path("userType").asText())
                    .isEqualTo("AssumedRole");
        }
    }

    /** Every member of the documented sample is present with the same JSON kind (object, array, text, number …). */
    private static void compare(String path, JsonNode documented, JsonNode ours, List<String> problems) {
        if (MAY_DIFFER.contains(path) || MAY_DIFFER.stream().anyMatch(p -> !p.startsWith("detail") && path.endsWith(p))) {
            return;
        }
        if (ours == null || ours.isMissingNode()) {
            problems.add(path + " is missing");
            return;
        }
        if (documented.getNodeType() != ours.getNodeType()) {
            problems.add(path + " is " + ours.getNodeType() + ", documented " + documented.getNodeType());
            return;
        }
        if (documented.isObject()) {
            documented.fields().forEachRemaining(e -> compare(path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                    e.getValue(), ours.get(e.getKey()), problems));
        } else if (documented.isArray() && documented.size() > 0 && ours.size() > 0) {
            compare(path + "[0]", documented.get(0), ours.get(0), problems);
        }
    }
}
