package io.selfheal.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /**
     * Each type's source, detail-type and the detail fields a remediation reads, as AWS documents them: CloudWatch
     * "Alarm events and EventBridge", EC2 "State change events for your instances", EventBridge "AWS service
     * events" (API calls via CloudTrail), GuardDuty "CloudWatch event format for GuardDuty", Config "Amazon
     * EventBridge format for AWS Config", EventBridge "Schedule AWS Lambda functions" (see /events in the fixtures).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cloudwatch|alarm-state-change|aws.cloudwatch|CloudWatch Alarm State Change|detail.alarmName,detail.state.value,detail.state.timestamp,detail.previousState.value,detail.configuration.metrics",
            "cloudwatch|composite-alarm-state-change|aws.cloudwatch|CloudWatch Alarm State Change|detail.alarmName,detail.state.value,detail.configuration.alarmRule",
            "ec2|instance-state-change|aws.ec2|EC2 Instance State-change Notification|detail.instance-id,detail.state",
            "cloudtrail|api-call|aws.ec2|AWS API Call via CloudTrail|detail.eventSource,detail.eventName,detail.userIdentity.arn,detail.requestParameters,detail.eventID",
            "guardduty|finding|aws.guardduty|GuardDuty Finding|detail.id,detail.type,detail.severity,detail.resource.instanceDetails.instanceId",
            "config|compliance-change|aws.config|Config Rules Compliance Change|detail.configRuleName,detail.resourceType,detail.resourceId,detail.newEvaluationResult.complianceType",
            "config|configuration-item-change|aws.config|Config Configuration Item Change|detail.configurationItemDiff.changeType,detail.configurationItem.resourceType,detail.configurationItem.configuration.ipPermissions",
            "events|scheduled|aws.events|Scheduled Event|detail"})
    void printsTheFixtureWithAFreshIdAndTimeInTheDocumentedShape(String service, String type, String source,
                                                               String detailType, String detailPaths)
            throws IOException {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CliCapture run = CliCapture.run("events", service, type);
        assertThat(run.exit()).isZero();
        JsonNode event = JSON.readTree(run.out());
        JsonNode fixture = EventGenerator.load(EventCatalog.find(service, type).orElseThrow());

        // The EventBridge envelope.
        assertThat(event.get("version").asText()).isEqualTo("0");
        assertThat(event.get("source").asText()).isEqualTo(source);
        assertThat(event.get("detail-type").asText()).isEqualTo(detailType);
        assertThat(event.get("account").asText()).matches("\\d{12}");
        assertThat(event.get("resources").isArray()).isTrue();
        assertThat(event.get("detail").isObject()).isTrue();
        assertThat(event.get("id").asText()).matches(UUID).isNotEqualTo(fixture.get("id").asText());
        assertThat(event.get("time").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(Instant.parse(event.get("time").asText())).isAfterOrEqualTo(before);
        for (String path : detailPaths.split(",")) {
            assertThat(event.at("/" + path.replace('.', '/')).isMissingNode()).as(path).isFalse();
        }
        // The sample's shape is kept exactly: same fields, same JSON types, only values refreshed.
        assertThat(shape(event)).isEqualTo(shape(fixture));
    }

    /**
     * {@code --type} prints a sample finding of that type, with the type's action (DNS request for {@code !DNS}
     * variants, a port probe for PortProbeUnprotectedPort …) and a fresh finding id that its ARN follows.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Backdoor:EC2/C&CActivity.B|NETWORK_CONNECTION|networkConnectionAction",
            "Backdoor:EC2/C&CActivity.B!DNS|DNS_REQUEST|dnsRequestAction",
            "CryptoCurrency:EC2/BitcoinTool.B!DNS|DNS_REQUEST|dnsRequestAction",
            "Trojan:EC2/DNSDataExfiltration|DNS_REQUEST|dnsRequestAction",
            "UnauthorizedAccess:EC2/SSHBruteForce|NETWORK_CONNECTION|networkConnectionAction",
            "Recon:EC2/PortProbeUnprotectedPort|PORT_PROBE|portProbeAction",
            "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS|AWS_API_CALL|awsApiCallAction"})
    void printsAGuardDutyFindingOfEachType(String findingType, String actionType, String actionMember)
            throws IOException {
        CliCapture run = CliCapture.run("events", "guardduty", "finding", "--type", findingType,
                "--region", "eu-west-1");
        assertThat(run.exit()).isZero();
        JsonNode event = JSON.readTree(run.out());
        JsonNode detail = event.get("detail");

        assertThat(event.get("detail-type").asText()).isEqualTo("GuardDuty Finding");
        assertThat(event.get("id").asText()).matches(UUID);
        assertThat(event.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(detail.get("type").asText()).isEqualTo(findingType);
        assertThat(detail.get("id").asText()).matches("[0-9a-f]{32}").isNotEqualTo("1".repeat(32));
        assertThat(detail.get("arn").asText()).startsWith("arn:aws:guardduty:eu-west-1:")
                .endsWith("/finding/" + detail.get("id").asText());
        assertThat(detail.at("/service/action/actionType").asText()).isEqualTo(actionType);
        assertThat(detail.at("/service/action/" + actionMember).isObject()).isTrue();
        assertThat(detail.at("/service/additionalInfo/sample").asBoolean()).isTrue();
    }

    @Test
    void refusesAnUnknownFindingTypeOrTypeOnAnotherEvent() {
        CliCapture unknown = CliCapture.run("events", "guardduty", "finding", "--type", "Nothing:EC2/Such");
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.err()).contains("unknown finding type").contains("Backdoor:EC2/C&CActivity.B");
        assertThat(CliCapture.run("events", "ec2", "instance-state-change", "--type", "x").exit()).isNotZero();
    }

    /** Printed as AWS prints its samples: with the fresh id and time put back, the fixture file byte for byte. */
    @ParameterizedTest
    @CsvSource({"events,scheduled,/events/scheduled-event.json",
            "ec2,instance-state-change,/events/ec2-instance-state-change.json"})
    void printsLikeAwsSamples(String service, String type, String file) throws IOException {
        String out = CliCapture.run("events", service, type).out();
        JsonNode event = JSON.readTree(out);
        String fixture;
        try (var in = EventsCommandTest.class.getResourceAsStream(file)) {
            fixture = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        JsonNode original = JSON.readTree(fixture);
        assertThat(out.replace(event.get("id").asText(), original.get("id").asText())
                .replace(event.get("time").asText(), original.get("time").asText()))
                .isEqualToNormalizingNewlines(fixture);
    }

    @Test
    void theAlarmStateTimestampIsFreshInCloudWatchsOwnFormat() throws IOException {
        JsonNode event = JSON.readTree(CliCapture.run("events", "cloudwatch", "alarm-state-change").out());
        String timestamp = event.at("/detail/state/timestamp").asText();
        assertThat(timestamp).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+0000");
        assertThat(timestamp).startsWith(event.get("time").asText().replace("Z", ""));
    }

    @Test
    void aFreshGuardDutyFindingIdIsAlsoInItsArn() throws IOException {
        JsonNode event = JSON.readTree(CliCapture.run("events", "guardduty", "finding").out());
        String id = event.at("/detail/id").asText();
        assertThat(id).matches("[0-9a-f]{32}").isNotEqualTo("16afba5c5c43e07c9e3e5e2e544e95df");
        assertThat(event.at("/detail/arn").asText()).endsWith("/finding/" + id);
    }

    @Test
    void regionAndAccountChangeEverywhereButNotInsideOtherIds() throws IOException {
        CliCapture run = CliCapture.run("events", "cloudwatch", "alarm-state-change", "--region", "eu-west-1",
                "--account", "111122223333");
        assertThat(run.exit()).isZero();
        JsonNode event = JSON.readTree(run.out());
        assertThat(event.get("account").asText()).isEqualTo("111122223333");
        assertThat(event.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(event.get("resources").get(0).asText())
                .isEqualTo("arn:aws:cloudwatch:eu-west-1:111122223333:alarm:EC2-CPU-High-webserver-prod");
        assertThat(event.at("/detail/configuration/metrics/0/metricStat/metric/dimensions/InstanceId").asText())
                .isEqualTo("i-12345678901234567");
        assertThat(run.out()).doesNotContain("us-east-1");

        JsonNode finding = JSON.readTree(CliCapture.run("events", "guardduty", "finding", "--region", "eu-west-1").out());
        assertThat(finding.at("/detail/region").asText()).isEqualTo("eu-west-1");
        assertThat(finding.at("/detail/resource/instanceDetails/availabilityZone").asText()).isEqualTo("eu-west-1b");
    }

    @Test
    void setOverridesFieldsWithJsonOrText() throws IOException {
        CliCapture run = CliCapture.run("events", "cloudwatch", "alarm-state-change",
                "--set", "detail.state.value=OK", "--set", "detail.configuration.metrics[0].metricStat.period=60",
                "--set", "detail.configuration.metrics[0].metricStat.metric.dimensions.InstanceId=i-0abc",
                "--set", "detail.newField={\"a\":[1]}");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode event = JSON.readTree(run.out());
        assertThat(event.at("/detail/state/value").asText()).isEqualTo("OK");
        assertThat(event.at("/detail/configuration/metrics/0/metricStat/period").isInt()).isTrue();
        assertThat(event.at("/detail/configuration/metrics/0/metricStat/period").asInt()).isEqualTo(60);
        assertThat(event.at("/detail/configuration/metrics/0/metricStat/metric/dimensions/InstanceId").asText())
                .isEqualTo("i-0abc");
        assertThat(event.at("/detail/newField/a/0").asInt()).isEqualTo(1);
    }

    @Test
    void badOverridesAndUnknownTypesAreUsageErrors() {
        CliCapture typo = CliCapture.run("events", "cloudwatch", "alarm-state-change", "--set", "detail.stat.value=OK");
        assertThat(typo.exit()).isEqualTo(SelfhealCli.INVALID);
        assertThat(typo.err()).contains("no field 'stat' in detail (did you mean 'state'?)");
        CliCapture index = CliCapture.run("events", "events", "scheduled", "--set", "resources[3]=x");
        assertThat(index.exit()).isEqualTo(SelfhealCli.INVALID);
        assertThat(index.err()).contains("resources has 1 elements");
        assertThat(CliCapture.run("events", "cloudwatch", "nope").err())
                .contains("types: alarm-state-change, composite-alarm-state-change");
        assertThat(CliCapture.run("events", "s3").exit()).isEqualTo(SelfhealCli.INVALID);
        assertThat(CliCapture.run("events", "ec2", "instance-state-change", "--account", "42").exit())
                .isEqualTo(SelfhealCli.INVALID);
    }

    @Test
    void withoutArgumentsItListsEveryType() {
        CliCapture run = CliCapture.run("events");
        assertThat(run.exit()).isZero();
        assertThat(run.out().lines().map(l -> l.substring(0, l.indexOf("  ")).trim()))
                .containsExactly("cloudwatch alarm-state-change", "cloudwatch composite-alarm-state-change",
                        "ec2 instance-state-change", "cloudtrail api-call", "guardduty finding",
                        "config compliance-change", "config configuration-item-change", "events scheduled");
        assertThat(CliCapture.run("events", "cloudwatch").out().lines()).hasSize(2);
    }

    /** Every field path with its JSON type. */
    private static Map<String, String> shape(JsonNode node) {
        Map<String, String> shape = new TreeMap<>();
        shape(node, "", shape);
        return shape;
    }

    private static void shape(JsonNode node, String path, Map<String, String> shape) {
        shape.put(path, node.getNodeType().name());
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> shape(f.getValue(), path + "/" + f.getKey(), shape));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                shape(node.get(i), path + "/" + i, shape);
            }
        }
    }
}
