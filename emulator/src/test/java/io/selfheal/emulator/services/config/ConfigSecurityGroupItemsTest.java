package io.selfheal.emulator.services.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.ServiceEventCapture;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.ServiceEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ChronologicalOrder;
import software.amazon.awssdk.services.config.model.ConfigurationItem;
import software.amazon.awssdk.services.config.model.ConfigurationItemStatus;
import software.amazon.awssdk.services.config.model.InvalidTimeRangeException;
import software.amazon.awssdk.services.config.model.NoAvailableConfigurationRecorderException;
import software.amazon.awssdk.services.config.model.ResourceIdentifier;
import software.amazon.awssdk.services.config.model.ResourceNotDiscoveredException;
import software.amazon.awssdk.services.config.model.ResourceType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Security group configuration items recorded from EC2's live state while the recorder records, read through the SDK
 * v2 (https://docs.aws.amazon.com/config/latest/APIReference/API_GetResourceConfigHistory.html,
 * https://docs.aws.amazon.com/config/latest/APIReference/API_ListDiscoveredResources.html), and the "Config
 * Configuration Item Change" event of each
 * (https://docs.aws.amazon.com/config/latest/developerguide/monitor-config-with-cloudwatchevents.html).
 */
class ConfigSecurityGroupItemsTest {
    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    static final Duration SETTLE = Duration.ofSeconds(10);

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.virtualTime(START).recording(ServiceEvent.class)
            .resetBeforeEach();
    static final ServiceEventCapture EVENTS = new ServiceEventCapture(AWS);

    @Test
    void aGroupIsDiscoveredChangedAndDeletedAndEachChangeIsOneItem(ConfigClient config, Ec2Client ec2, S3Client s3) {
        record(config, s3, ResourceType.AWS_EC2_SECURITY_GROUP);
        String vpc = ec2.describeVpcs().vpcs().get(0).vpcId();
        String group = ec2.createSecurityGroup(b -> b.groupName("web").description("web tier").vpcId(vpc)).groupId();
        settle();
        AWS.advance(Duration.ofSeconds(5));
        ec2.authorizeSecurityGroupIngress(b -> b.groupId(group).ipPermissions(p -> p.ipProtocol("tcp").fromPort(22)
                .toPort(22).ipRanges(r -> r.cidrIp("0.0.0.0/0"))));
        ec2.describeSecurityGroups(b -> b.groupIds(group)); // a read records nothing
        settle();

        List<ConfigurationItem> history = config.getResourceConfigHistory(b -> b
                .resourceType(ResourceType.AWS_EC2_SECURITY_GROUP).resourceId(group)).configurationItems();
        assertThat(history).extracting(ConfigurationItem::configurationItemStatus)
                .containsExactly(ConfigurationItemStatus.OK, ConfigurationItemStatus.RESOURCE_DISCOVERED);
        ConfigurationItem latest = history.get(0);
        assertThat(latest.arn()).isEqualTo("arn:aws:ec2:us-east-1:123456789012:security-group/" + group);
        assertThat(latest.resourceName()).isEqualTo("web");
        assertThat(latest.awsRegion()).isEqualTo("us-east-1");
        assertThat(latest.accountId()).isEqualTo("123456789012");
        assertThat(latest.version()).isEqualTo("1.3");
        assertThat(latest.configurationItemCaptureTime()).isEqualTo(START.plusSeconds(5));
        assertThat(history.get(1).configurationItemCaptureTime()).isEqualTo(START);
        assertThat(Long.parseLong(latest.configurationStateId()))
                .isGreaterThan(Long.parseLong(history.get(1).configurationStateId()));
        assertThat(latest.relationships()).anySatisfy(r -> {
            assertThat(r.resourceId()).isEqualTo(vpc);
            assertThat(r.relationshipName()).isEqualTo("Is contained in Vpc");
        });
        JsonNode configuration = parse(latest.configuration());
        assertThat(configuration.path("groupId").asText()).isEqualTo(group);
        assertThat(configuration.path("groupName").asText()).isEqualTo("web");
        assertThat(configuration.path("description").asText()).isEqualTo("web tier");
        assertThat(configuration.path("vpcId").asText()).isEqualTo(vpc);
        JsonNode ssh = configuration.path("ipPermissions").get(0);
        assertThat(ssh.path("fromPort").asInt()).isEqualTo(22);
        assertThat(ssh.path("toPort").asInt()).isEqualTo(22);
        assertThat(ssh.path("ipProtocol").asText()).isEqualTo("tcp");
        assertThat(ssh.path("ipRanges").get(0).asText()).isEqualTo("0.0.0.0/0");
        assertThat(ssh.path("ipv4Ranges").get(0).path("cidrIp").asText()).isEqualTo("0.0.0.0/0");
        assertThat(configuration.path("ipPermissionsEgress").get(0).path("ipProtocol").asText()).isEqualTo("-1");
        assertThat(parse(history.get(1).configuration()).path("ipPermissions")).isEmpty();

        assertThat(config.getResourceConfigHistory(b -> b.resourceType(ResourceType.AWS_EC2_SECURITY_GROUP)
                .resourceId(group).chronologicalOrder(ChronologicalOrder.FORWARD).limit(1)).configurationItems())
                .extracting(ConfigurationItem::configurationItemStatus)
                .containsExactly(ConfigurationItemStatus.RESOURCE_DISCOVERED);
        assertThat(config.getResourceConfigHistory(b -> b.resourceType(ResourceType.AWS_EC2_SECURITY_GROUP)
                .resourceId(group).laterTime(START.plusSeconds(1))).configurationItems()).hasSize(1);

        ec2.deleteSecurityGroup(b -> b.groupId(group));
        settle();
        assertThat(config.getResourceConfigHistory(b -> b.resourceType(ResourceType.AWS_EC2_SECURITY_GROUP)
                .resourceId(group)).configurationItems().get(0).configurationItemStatus())
                .isEqualTo(ConfigurationItemStatus.RESOURCE_DELETED);
        assertThat(config.listDiscoveredResources(b -> b.resourceType(ResourceType.AWS_EC2_SECURITY_GROUP))
                .resourceIdentifiers()).extracting(ResourceIdentifier::resourceName).containsExactly("default");
        assertThat(config.listDiscoveredResources(b -> b.resourceType(ResourceType.AWS_EC2_SECURITY_GROUP)
                .includeDeletedResources(true).resourceIds(group)).resourceIdentifiers()).singleElement()
                .satisfies(r -> assertThat(r.resourceDeletionTime()).isEqualTo(START.plusSeconds(5)));
    }

    @Test
    void eachItemIsAConfigurationItemChangeEventWithItsDiff(ConfigClient config, Ec2Client ec2, S3Client s3) {
        record(config, s3, ResourceType.AWS_EC2_SECURITY_GROUP);
        String group = ec2.createSecurityGroup(b -> b.groupName("db").description("db")).groupId();
        ec2.authorizeSecurityGroupIngress(b -> b.groupId(group).ipPermissions(p -> p.ipProtocol("tcp").fromPort(5432)
                .toPort(5432).ipRanges(r -> r.cidrIp("10.0.0.0/8"))));
        settle();
        String arn = "arn:aws:ec2:us-east-1:123456789012:security-group/" + group;
        List<ServiceEvent> events = EVENTS.about(arn).stream()
                .filter(e -> e.detailType().equals("Config Configuration Item Change")).toList();
        assertThat(events).hasSize(2);
        ServiceEvent created = events.get(0);
        assertThat(created.source()).isEqualTo("aws.config");
        assertThat(created.detail().path("messageType").asText()).isEqualTo("ConfigurationItemChangeNotification");
        assertThat(created.detail().path("recordVersion").asText()).isEqualTo("1.3");
        assertThat(created.detail().path("configurationItemDiff").path("changeType").asText()).isEqualTo("CREATE");
        assertThat(created.detail().path("configurationItem").path("configurationItemStatus").asText())
                .isEqualTo("ResourceDiscovered");
        JsonNode updated = events.get(1).detail();
        assertThat(updated.path("configurationItemDiff").path("changeType").asText()).isEqualTo("UPDATE");
        JsonNode change = updated.path("configurationItemDiff").path("changedProperties")
                .path("Configuration.IpPermissions.0");
        assertThat(change.path("changeType").asText()).isEqualTo("CREATE");
        assertThat(change.path("previousValue").isNull()).isTrue();
        assertThat(change.path("updatedValue").path("fromPort").asInt()).isEqualTo(5432);
        JsonNode item = updated.path("configurationItem");
        assertThat(item.path("configuration").path("ipPermissions").get(0).path("ipRanges").get(0).asText())
                .isEqualTo("10.0.0.0/8");
        assertThat(item.path("ARN").asText()).isEqualTo(arn);
        assertThat(item.path("resourceType").asText()).isEqualTo("AWS::EC2::SecurityGroup");
        // With milliseconds always, as the reference event writes it.
        assertThat(updated.path("notificationCreationTime").asText()).isEqualTo("2026-03-01T10:00:00.000Z");
    }

    @Test
    void theEventHasTheReferenceEventsKeysAtEveryLevel(ConfigClient config, Ec2Client ec2, S3Client s3) {
        record(config, s3, ResourceType.AWS_EC2_SECURITY_GROUP);
        String vpc = ec2.describeVpcs().vpcs().get(0).vpcId();
        String group = ec2.createSecurityGroup(b -> b.groupName("web").description("web tier").vpcId(vpc)).groupId();
        ec2.authorizeSecurityGroupIngress(b -> b.groupId(group).ipPermissions(p -> p.ipProtocol("tcp").fromPort(22)
                .toPort(22).ipRanges(r -> r.cidrIp("0.0.0.0/0"))));
        settle();
        JsonNode reference = ServiceEventCapture.reference("config-configuration-item-change-security-group.json");
        ServiceEvent event = EVENTS.about("arn:aws:ec2:us-east-1:123456789012:security-group/" + group).get(1);
        assertThat(event.source()).isEqualTo(reference.path("source").asText());
        assertThat(event.detailType()).isEqualTo(reference.path("detail-type").asText());
        JsonNode detail = reference.path("detail");
        assertThat(names(event.detail())).isEqualTo(names(detail));
        assertThat(names(event.detail().path("configurationItem")))
                .isEqualTo(names(detail.path("configurationItem")));
        assertThat(names(event.detail().path("configurationItem").path("configuration")))
                .containsExactlyInAnyOrderElementsOf(names(detail.path("configurationItem").path("configuration")));
        assertThat(event.detail().path("configurationItemDiff"))
                .isEqualTo(detail.path("configurationItemDiff"));
        assertThat(event.detail().path("configurationItem").path("configuration").path("ipPermissions"))
                .isEqualTo(detail.path("configurationItem").path("configuration").path("ipPermissions"));
    }

    @Test
    void nothingIsRecordedWhileStoppedAndUnrecordedTypesAreNotDiscovered(ConfigClient config, Ec2Client ec2,
                                                                        S3Client s3) {
        assertThatThrownBy(() -> config.listDiscoveredResources(b -> b.resourceType(
                ResourceType.AWS_EC2_SECURITY_GROUP))).isInstanceOf(NoAvailableConfigurationRecorderException.class);
        record(config, s3, ResourceType.AWS_EC2_SECURITY_GROUP);
        config.stopConfigurationRecorder(b -> b.configurationRecorderName("default"));
        String group = ec2.createSecurityGroup(b -> b.groupName("quiet").description("quiet")).groupId();
        settle();
        assertThatThrownBy(() -> config.getResourceConfigHistory(b -> b.resourceType(
                ResourceType.AWS_EC2_SECURITY_GROUP).resourceId(group)))
                .isInstanceOfSatisfying(ResourceNotDiscoveredException.class, e -> assertThat(e.getMessage())
                        .contains("Resource " + group + " of resourceType:AWS::EC2::SecurityGroup is unknown"));
        String vpc = ec2.describeVpcs().vpcs().get(0).vpcId();
        assertThatThrownBy(() -> config.getResourceConfigHistory(b -> b.resourceType(ResourceType.AWS_EC2_VPC)
                .resourceId(vpc))).isInstanceOf(ResourceNotDiscoveredException.class);
        assertThatThrownBy(() -> config.getResourceConfigHistory(b -> b.resourceType(ResourceType.AWS_EC2_VPC)
                .resourceId(vpc).earlierTime(START.plusSeconds(10)).laterTime(START)))
                .isInstanceOf(InvalidTimeRangeException.class);

        config.startConfigurationRecorder(b -> b.configurationRecorderName("default"));
        settle();
        assertThat(config.listDiscoveredResources(b -> b.resourceType(ResourceType.AWS_EC2_SECURITY_GROUP))
                .resourceIdentifiers()).extracting(ResourceIdentifier::resourceId).contains(group);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static void record(ConfigClient config, S3Client s3, ResourceType... types) {
        s3.createBucket(b -> b.bucket("config-bucket"));
        config.putConfigurationRecorder(b -> b.configurationRecorder(r -> r.name("default")
                .roleARN("arn:aws:iam::123456789012:role/config")
                .recordingGroup(g -> g.allSupported(false).resourceTypes(types))));
        config.putDeliveryChannel(b -> b.deliveryChannel(c -> c.name("default").s3BucketName("config-bucket")));
        config.startConfigurationRecorder(b -> b.configurationRecorderName("default"));
        settle();
    }

    static void settle() {
        assertThat(AWS.emulator().control().awaitIdle(SETTLE)).isTrue();
    }

    static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
