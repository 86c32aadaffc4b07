package io.selfheal.emulator.services.config;

import static io.selfheal.emulator.services.config.ConfigTestSupport.securityGroup;
import static io.selfheal.emulator.services.config.ConfigTestSupport.startRecorder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.core.Json;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.InvalidParameterValueException;
import software.amazon.awssdk.services.config.model.Owner;
import software.amazon.awssdk.services.config.model.ResourceType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The managed rules of {@code config.managed} evaluated on the items the emulator records, through the SDK: the rule's
 * parameters as PutConfigRule checks them, and GetComplianceDetailsByConfigRule as the resource drifts.
 * https://docs.aws.amazon.com/config/latest/developerguide/vpc-sg-open-only-to-authorized-ports.html,
 * https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-public-read-prohibited.html,
 * https://docs.aws.amazon.com/config/latest/developerguide/required-tags.html,
 * https://docs.aws.amazon.com/config/latest/developerguide/ec2-instance-no-public-ip.html
 */
class ManagedRulesThroughSdkTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.virtualTime(Instant.parse("2026-04-01T08:00:00Z"))
            .resetBeforeEach();

    ConfigClient config;
    Ec2Client ec2;
    S3Client s3;

    @BeforeEach
    void recording() {
        config = AWS.client(ConfigClient.class);
        ec2 = AWS.client(Ec2Client.class);
        s3 = AWS.client(S3Client.class);
        startRecorder(config, AWS.client(IamClient.class), s3);
    }

    private void rule(String name, String identifier, String type, String parameters) {
        config.putConfigRule(b -> b.configRule(r -> r.configRuleName(name).inputParameters(parameters)
                .scope(s -> s.complianceResourceTypes(type))
                .source(s -> s.owner(Owner.AWS).sourceIdentifier(identifier))));
    }

    private String compliance(String rule, String resourceId) {
        assertThat(AWS.emulator().control().awaitIdle(Duration.ofSeconds(20))).isTrue();
        return config.getComplianceDetailsByConfigRule(b -> b.configRuleName(rule)).evaluationResults().stream()
                .filter(e -> e.evaluationResultIdentifier().evaluationResultQualifier().resourceId().equals(resourceId))
                .map(e -> e.complianceTypeAsString()).findFirst().orElse("none");
    }

    @Test
    void authorizedPortsAreCompliantAndOthersNot() {
        String group = securityGroup(ec2, "web");
        rule("authorized", "VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS", "AWS::EC2::SecurityGroup",
                "{\"authorizedTcpPorts\":\"443,8000-8100\"}");
        assertThat(compliance("authorized", group)).isEqualTo("NOT_APPLICABLE");

        ec2.authorizeSecurityGroupIngress(b -> b.groupId(group).ipPermissions(p -> p.ipProtocol("tcp").fromPort(443)
                .toPort(443).ipRanges(r -> r.cidrIp("0.0.0.0/0"))));
        assertThat(compliance("authorized", group)).isEqualTo("COMPLIANT");

        ec2.authorizeSecurityGroupIngress(b -> b.groupId(group).ipPermissions(p -> p.ipProtocol("tcp").fromPort(3306)
                .toPort(3306).ipv6Ranges(r -> r.cidrIpv6("::/0"))));
        assertThat(compliance("authorized", group)).isEqualTo("NON_COMPLIANT");
    }

    /**
     * Monitoring settles a moment after RunInstances or MonitorInstances, with no API call or event of its own; Config
     * still records the settled state, so the rule sees {@code enabled}, not the {@code pending} of the first item.
     * https://docs.aws.amazon.com/config/latest/developerguide/ec2-instance-detailed-monitoring-enabled.html
     */
    @Test
    void detailedMonitoringIsCompliantOnceItSettlesAndNotOnceTurnedOff() {
        rule("monitoring", "EC2_INSTANCE_DETAILED_MONITORING_ENABLED", "AWS::EC2::Instance", null);
        String detailed = ec2.runInstances(b -> b.imageId("ami-0abcdef1234567890").minCount(1).maxCount(1)
                .monitoring(m -> m.enabled(true))).instances().get(0).instanceId();
        String basic = ec2.runInstances(b -> b.imageId("ami-0abcdef1234567890").minCount(1).maxCount(1))
                .instances().get(0).instanceId();
        AWS.emulator().control().advance(Duration.ofMinutes(1));
        assertThat(compliance("monitoring", detailed)).isEqualTo("COMPLIANT");
        assertThat(compliance("monitoring", basic)).isEqualTo("NON_COMPLIANT");

        ec2.unmonitorInstances(b -> b.instanceIds(detailed));
        ec2.monitorInstances(b -> b.instanceIds(basic));
        AWS.emulator().control().advance(Duration.ofMinutes(1));
        assertThat(compliance("monitoring", detailed)).isEqualTo("NON_COMPLIANT");
        assertThat(compliance("monitoring", basic)).isEqualTo("COMPLIANT");
    }

    @Test
    void aPublicBucketPolicyIsNonCompliantUntilRemoved() {
        s3.createBucket(b -> b.bucket("evidence"));
        rule("public-read", "S3_BUCKET_PUBLIC_READ_PROHIBITED", "AWS::S3::Bucket", null);
        assertThat(compliance("public-read", "evidence")).isEqualTo("COMPLIANT");

        s3.putBucketPolicy(b -> b.bucket("evidence").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::evidence/*\"}]}"));
        assertThat(compliance("public-read", "evidence")).isEqualTo("NON_COMPLIANT");

        s3.deleteBucketPolicy(b -> b.bucket("evidence"));
        assertThat(compliance("public-read", "evidence")).isEqualTo("COMPLIANT");
    }

    /**
     * An instance launched into a subnet that maps public addresses carries one in its configuration item and is
     * NON_COMPLIANT; one in a private subnet is COMPLIANT; stopping the public one releases its address and it becomes
     * COMPLIANT.
     */
    @Test
    void anInstanceWithAPublicAddressIsNonCompliantWithEc2InstanceNoPublicIp() throws Exception {
        String vpc = ec2.createVpc(b -> b.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String privateSubnet = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.0.1.0/24")).subnet().subnetId();
        String publicSubnet = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.0.2.0/24")).subnet().subnetId();
        ec2.modifySubnetAttribute(b -> b.subnetId(publicSubnet).mapPublicIpOnLaunch(v -> v.value(true)));
        rule("no-public-ip", "EC2_INSTANCE_NO_PUBLIC_IP", "AWS::EC2::Instance", null);
        String exposed = launch(publicSubnet);
        String internal = launch(privateSubnet);
        assertThat(compliance("no-public-ip", exposed)).isEqualTo("NON_COMPLIANT");
        assertThat(compliance("no-public-ip", internal)).isEqualTo("COMPLIANT");

        String publicIp = ec2.describeInstances(b -> b.instanceIds(exposed)).reservations().get(0).instances().get(0)
                .publicIpAddress();
        JsonNode item = Json.parse(config.batchGetResourceConfig(b -> b.resourceKeys(k -> k
                .resourceType(ResourceType.AWS_EC2_INSTANCE).resourceId(exposed))).baseConfigurationItems().get(0)
                .configuration());
        assertThat(item.path("publicIpAddress").asText()).isEqualTo(publicIp);
        assertThat(item.path("networkInterfaces").path(0).path("association").path("publicIp").asText())
                .isEqualTo(publicIp);
        assertThat(item.path("networkInterfaces").path(0).path("association").path("ipOwnerId").asText())
                .isEqualTo("amazon");

        AWS.emulator().control().advance(Duration.ofSeconds(1));
        ec2.stopInstances(b -> b.instanceIds(exposed));
        assertThat(compliance("no-public-ip", exposed)).isEqualTo("COMPLIANT");
    }

    private String launch(String subnet) {
        return ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1).subnetId(subnet)).instances()
                .get(0).instanceId();
    }

    @Test
    void putConfigRuleChecksAManagedRulesParameters() {
        InvalidParameterValueException missing = catchThrowableOfType(() -> rule("tags", "REQUIRED_TAGS",
                "AWS::EC2::Instance", "{\"tag2Key\":\"Owner\"}"), InvalidParameterValueException.class);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.awsErrorDetails().errorMessage()).startsWith("The required parameter tag1Key is not present");

        InvalidParameterValueException badPort = catchThrowableOfType(() -> rule("ports",
                "RESTRICTED_INCOMING_TRAFFIC", "AWS::EC2::SecurityGroup", "{\"blockedPort1\":\"ftp\"}"),
                InvalidParameterValueException.class);
        assertThat(badPort.awsErrorDetails().errorMessage()).contains("blockedPort1");
        assertThat(config.describeConfigRules().configRules()).isEmpty();
    }
}
