package io.selfheal.emulator.services.config;

import static io.selfheal.emulator.services.config.ConfigSecurityGroupItemsTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.EmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.BaseConfigurationItem;
import software.amazon.awssdk.services.config.model.ConfigurationItem;
import software.amazon.awssdk.services.config.model.ConfigurationItemStatus;
import software.amazon.awssdk.services.config.model.Relationship;
import software.amazon.awssdk.services.config.model.ResourceKey;
import software.amazon.awssdk.services.config.model.ResourceType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The configuration items of every recorded type but security groups (ConfigSecurityGroupItemsTest), through the SDK
 * v2: an instance with its interface, volume, subnet and VPC and the relationships between them, a bucket with its
 * policy, a role, a function (https://docs.aws.amazon.com/config/latest/developerguide/config-item-table.html,
 * https://docs.aws.amazon.com/config/latest/APIReference/API_BatchGetResourceConfig.html).
 */
class ConfigResourceTypesItemsTest {
    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.virtualTime(START).resetBeforeEach();

    @Test
    void anInstanceItsInterfaceVolumeSubnetAndVpcAreRecordedWithTheirRelationships(ConfigClient config,
                                                                                    Ec2Client ec2, S3Client s3) {
        recordAll(config, s3);
        Instance launched = ec2.runInstances(b -> b.imageId("ami-12345678").instanceType("t3.micro").minCount(1)
                .maxCount(1).tagSpecifications(t -> t.resourceType("instance").tags(g -> g.key("team").value("a"))))
                .instances().get(0);
        String id = launched.instanceId();
        settle();
        AWS.advance(Duration.ofMinutes(1)); // pending → running, driven by the clock
        settle();

        List<ConfigurationItem> history = history(config, ResourceType.AWS_EC2_INSTANCE, id);
        assertThat(history).extracting(ConfigurationItem::configurationItemStatus)
                .containsExactly(ConfigurationItemStatus.OK, ConfigurationItemStatus.RESOURCE_DISCOVERED);
        assertThat(parse(history.get(1).configuration()).path("state").path("name").asText()).isEqualTo("pending");
        ConfigurationItem running = history.get(0);
        JsonNode configuration = parse(running.configuration());
        assertThat(configuration.path("state").path("name").asText()).isEqualTo("running");
        assertThat(configuration.path("instanceType").asText()).isEqualTo("t3.micro");
        assertThat(configuration.path("securityGroups").get(0).path("groupName").asText()).isEqualTo("default");
        assertThat(configuration.path("tags").get(0).path("key").asText()).isEqualTo("team");
        assertThat(running.tags()).containsEntry("team", "a");
        assertThat(running.resourceCreationTime()).isEqualTo(START);
        assertThat(running.availabilityZone()).isEqualTo(launched.placement().availabilityZone());
        String eni = launched.networkInterfaces().get(0).networkInterfaceId();
        String volume = ec2.describeVolumes().volumes().get(0).volumeId();
        String group = launched.securityGroups().get(0).groupId();
        assertThat(running.relationships()).extracting(Relationship::relationshipName, Relationship::resourceId)
                .contains(org.assertj.core.groups.Tuple.tuple("Contains NetworkInterface", eni),
                        org.assertj.core.groups.Tuple.tuple("Is associated with SecurityGroup", group),
                        org.assertj.core.groups.Tuple.tuple("Is attached to Volume", volume),
                        org.assertj.core.groups.Tuple.tuple("Is contained in Subnet", launched.subnetId()),
                        org.assertj.core.groups.Tuple.tuple("Is contained in Vpc", launched.vpcId()));

        assertThat(history(config, ResourceType.AWS_EC2_VOLUME, volume).get(0).relationships())
                .extracting(Relationship::relationshipName, Relationship::resourceId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Is attached to Instance", id));
        assertThat(parse(history(config, ResourceType.AWS_EC2_VOLUME, volume).get(0).configuration())
                .path("attachments").get(0).path("instanceId").asText()).isEqualTo(id);
        assertThat(history(config, ResourceType.AWS_EC2_NETWORK_INTERFACE, eni).get(0).relationships())
                .extracting(Relationship::relationshipName).contains("Is attached to Instance",
                        "Is associated with SecurityGroup", "Is contained in Subnet", "Is contained in Vpc");
        assertThat(history(config, ResourceType.AWS_EC2_SECURITY_GROUP, group).get(0).relationships())
                .extracting(Relationship::relationshipName, Relationship::resourceId)
                .contains(org.assertj.core.groups.Tuple.tuple("Is associated with Instance", id));
        assertThat(history(config, ResourceType.AWS_EC2_SUBNET, launched.subnetId()).get(0).relationships())
                .extracting(Relationship::relationshipName, Relationship::resourceId)
                .contains(org.assertj.core.groups.Tuple.tuple("Contains Instance", id));
        ConfigurationItem vpc = history(config, ResourceType.AWS_EC2_VPC, launched.vpcId()).get(0);
        assertThat(parse(vpc.configuration()).path("isDefault").asBoolean()).isTrue();
        assertThat(vpc.relationships()).extracting(Relationship::relationshipName).contains("Contains Instance",
                "Contains Subnet", "Contains SecurityGroup");

        ec2.terminateInstances(b -> b.instanceIds(id));
        AWS.advance(Duration.ofMinutes(5));
        settle();
        assertThat(history(config, ResourceType.AWS_EC2_INSTANCE, id).get(0).configurationItemStatus())
                .isEqualTo(ConfigurationItemStatus.RESOURCE_DELETED);
    }

    @Test
    void aBucketWithItsPolicyAndTagsAndBatchGetResourceConfig(ConfigClient config, S3Client s3) {
        recordAll(config, s3);
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::website/*\"}]}";
        s3.createBucket(b -> b.bucket("website"));
        s3.putBucketPolicy(b -> b.bucket("website").policy(policy));
        s3.putBucketTagging(b -> b.bucket("website").tagging(t -> t.tagSet(g -> g.key("env").value("prod"))));
        settle();

        List<ConfigurationItem> history = history(config, ResourceType.AWS_S3_BUCKET, "website");
        ConfigurationItem latest = history.get(0);
        assertThat(latest.arn()).isEqualTo("arn:aws:s3:::website");
        assertThat(latest.resourceName()).isEqualTo("website");
        assertThat(latest.tags()).containsEntry("env", "prod");
        assertThat(parse(latest.configuration()).path("name").asText()).isEqualTo("website");
        assertThat(parse(latest.supplementaryConfiguration().get("BucketPolicy")).path("policyText").asText())
                .isEqualTo(policy);
        assertThat(latest.supplementaryConfiguration()).containsKeys("AccessControlList",
                "BucketTaggingConfiguration", "BucketVersioningConfiguration");

        var batch = config.batchGetResourceConfig(b -> b.resourceKeys(
                ResourceKey.builder().resourceType(ResourceType.AWS_S3_BUCKET).resourceId("website").build(),
                ResourceKey.builder().resourceType(ResourceType.AWS_S3_BUCKET).resourceId("never-made").build()));
        assertThat(batch.baseConfigurationItems()).extracting(BaseConfigurationItem::resourceId)
                .containsExactly("website");
        assertThat(batch.baseConfigurationItems().get(0).configurationStateId())
                .isEqualTo(latest.configurationStateId());
        assertThat(batch.unprocessedResourceKeys()).isEmpty();
    }

    @Test
    void aRoleAndAFunctionThatRunsAsIt(ConfigClient config, S3Client s3, IamClient iam, LambdaClient lambda)
            throws IOException {
        recordAll(config, s3);
        byte[] code = zip();
        var role = iam.createRole(b -> b.roleName("fixer").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}")).role();
        lambda.createFunction(b -> b.functionName("fix-it").runtime(Runtime.PYTHON3_12).handler("app.handler")
                .role(role.arn()).code(c -> c.zipFile(SdkBytes.fromByteArray(code)))
                .environment(e -> e.variables(java.util.Map.of("MODE", "dry-run"))));
        settle();

        ConfigurationItem roleItem = history(config, ResourceType.AWS_IAM_ROLE, role.roleId()).get(0);
        assertThat(roleItem.resourceName()).isEqualTo("fixer");
        assertThat(roleItem.arn()).isEqualTo(role.arn());
        // IAM is global: AWS's IAM items say so, in every region that records them (ConfigItems cites the pages).
        assertThat(roleItem.awsRegion()).isEqualTo("global");
        assertThat(roleItem.availabilityZone()).isEqualTo("Not Applicable");
        JsonNode roleConfiguration = parse(roleItem.configuration());
        assertThat(roleConfiguration.path("roleName").asText()).isEqualTo("fixer");
        assertThat(java.net.URLDecoder.decode(roleConfiguration.path("assumeRolePolicyDocument").asText(),
                java.nio.charset.StandardCharsets.UTF_8)).contains("lambda.amazonaws.com");

        ConfigurationItem function = history(config, ResourceType.AWS_LAMBDA_FUNCTION, "fix-it").get(0);
        JsonNode configuration = parse(function.configuration());
        assertThat(configuration.path("functionName").asText()).isEqualTo("fix-it");
        assertThat(function.awsRegion()).isEqualTo("us-east-1");
        assertThat(configuration.path("runtime").asText()).isEqualTo("python3.12");
        assertThat(configuration.path("role").asText()).isEqualTo(role.arn());
        assertThat(configuration.path("environment").path("variables").path("MODE").asText()).isEqualTo("dry-run");
        assertThat(function.relationships()).singleElement().satisfies(r -> {
            assertThat(r.resourceTypeAsString()).isEqualTo("AWS::IAM::Role");
            assertThat(r.resourceName()).isEqualTo("fixer");
            assertThat(r.relationshipName()).isEqualTo("Is associated with Role");
        });

        lambda.updateFunctionConfiguration(b -> b.functionName("fix-it").timeout(30));
        settle();
        List<ConfigurationItem> history = history(config, ResourceType.AWS_LAMBDA_FUNCTION, "fix-it");
        assertThat(history).hasSize(2);
        assertThat(parse(history.get(0).configuration()).path("timeout").asInt()).isEqualTo(30);
    }

    @Test
    void historiesAndDiscoveredResourcesPageWithNextToken(ConfigClient config, S3Client s3) {
        recordAll(config, s3);
        for (String name : List.of("logs-a", "logs-b", "logs-c")) {
            s3.createBucket(b -> b.bucket(name));
        }
        s3.putBucketTagging(b -> b.bucket("config-bucket").tagging(t -> t.tagSet(g -> g.key("k").value("1"))));
        s3.putBucketTagging(b -> b.bucket("config-bucket").tagging(t -> t.tagSet(g -> g.key("k").value("2"))));
        settle();
        var first = config.getResourceConfigHistory(b -> b.resourceType(ResourceType.AWS_S3_BUCKET)
                .resourceId("config-bucket").limit(2));
        assertThat(first.configurationItems()).hasSize(2);
        assertThat(first.nextToken()).isNotBlank();
        var second = config.getResourceConfigHistory(b -> b.resourceType(ResourceType.AWS_S3_BUCKET)
                .resourceId("config-bucket").limit(2).nextToken(first.nextToken()));
        assertThat(second.configurationItems()).extracting(ConfigurationItem::configurationItemStatus)
                .containsExactly(ConfigurationItemStatus.RESOURCE_DISCOVERED);
        assertThat(second.nextToken()).isNull();

        var page = config.listDiscoveredResources(b -> b.resourceType(ResourceType.AWS_S3_BUCKET).limit(3));
        assertThat(page.resourceIdentifiers()).hasSize(3);
        assertThat(config.listDiscoveredResources(b -> b.resourceType(ResourceType.AWS_S3_BUCKET).limit(3)
                .nextToken(page.nextToken())).resourceIdentifiers()).hasSize(1);
        assertThat(config.listDiscoveredResources(b -> b.resourceType(ResourceType.AWS_S3_BUCKET)
                .resourceName("config-bucket")).resourceIdentifiers()).singleElement()
                .satisfies(r -> assertThat(r.resourceId()).isEqualTo("config-bucket"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> config.getResourceConfigHistory(b -> b
                .resourceType(ResourceType.AWS_S3_BUCKET).resourceId("config-bucket").limit(101)))
                .isInstanceOf(software.amazon.awssdk.services.config.model.InvalidLimitException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> config.getResourceConfigHistory(b -> b
                .resourceType(ResourceType.AWS_S3_BUCKET).resourceId("config-bucket").nextToken("bogus")))
                .isInstanceOf(software.amazon.awssdk.services.config.model.InvalidNextTokenException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> config.listDiscoveredResources(b -> b
                .resourceType("AWS::Nope").resourceName("x")))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.config.model.ConfigException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    static void recordAll(ConfigClient config, S3Client s3) {
        s3.createBucket(b -> b.bucket("config-bucket"));
        config.putConfigurationRecorder(b -> b.configurationRecorder(r -> r.name("default")
                .roleARN("arn:aws:iam::123456789012:role/config")));
        config.putDeliveryChannel(b -> b.deliveryChannel(c -> c.name("default").s3BucketName("config-bucket")));
        config.startConfigurationRecorder(b -> b.configurationRecorderName("default"));
        settle();
    }

    static List<ConfigurationItem> history(ConfigClient config, ResourceType type, String id) {
        return config.getResourceConfigHistory(b -> b.resourceType(type).resourceId(id)).configurationItems();
    }

    static void settle() {
        assertThat(AWS.emulator().control().awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("app.py"));
            zip.write("def handler(event, context):\n    return event\n".getBytes());
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
