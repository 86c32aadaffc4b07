package io.selfheal.emulator.services.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.TestClients;
import io.selfheal.emulator.core.Retention;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ConfigurationItem;
import software.amazon.awssdk.services.config.model.ResourceType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Configuration items are a history like the others ({@link Retention#CONFIG}): bounded by entries and bytes,
 * configurable, reported with what it dropped; the oldest items go first, but never a resource's latest (its current
 * state, which rules and GetResourceConfigHistory read).
 */
class ConfigItemRetentionTest {

    @Test
    void theOldestItemsGoPastTheBoundButEachResourceKeepsItsLatest() {
        try (Emulator emulator = Emulator.builder().port(0).retain(Retention.CONFIG, 4, 1 << 24).start();
             ConfigClient config = TestClients.of(ConfigClient.builder(), emulator);
             Ec2Client ec2 = TestClients.of(Ec2Client.builder(), emulator);
             S3Client s3 = TestClients.of(S3Client.builder(), emulator)) {
            config.putConfigurationRecorder(b -> b.configurationRecorder(r -> r.name("default")
                    .roleARN("arn:aws:iam::123456789012:role/config")
                    .recordingGroup(g -> g.allSupported(false).resourceTypes(ResourceType.AWS_EC2_SECURITY_GROUP))));
            s3.createBucket(b -> b.bucket("config-items"));
            config.putDeliveryChannel(b -> b.deliveryChannel(c -> c.name("default").s3BucketName("config-items")));
            config.startConfigurationRecorder(b -> b.configurationRecorderName("default"));
            String quiet = ec2.createSecurityGroup(b -> b.groupName("quiet").description("never changes")).groupId();
            String busy = ec2.createSecurityGroup(b -> b.groupName("busy").description("changes")).groupId();
            for (int port = 1000; port < 1006; port++) {
                int p = port;
                ec2.authorizeSecurityGroupIngress(b -> b.groupId(busy).ipPermissions(r -> r.ipProtocol("tcp")
                        .fromPort(p).toPort(p).ipRanges(c -> c.cidrIp("10.0.0.0/8"))));
                assertThat(emulator.control().awaitIdle(Duration.ofSeconds(10))).isTrue();
            }

            List<ConfigurationItem> busyItems = config.getResourceConfigHistory(b -> b
                    .resourceType(ResourceType.AWS_EC2_SECURITY_GROUP).resourceId(busy)).configurationItems();
            assertThat(busyItems).hasSizeLessThanOrEqualTo(4);
            assertThat(busyItems.get(0).configuration()).contains("1005");
            // The default VPC's group and "quiet" were recorded first and never changed: their items stay.
            assertThat(config.getResourceConfigHistory(b -> b.resourceType(ResourceType.AWS_EC2_SECURITY_GROUP)
                    .resourceId(quiet)).configurationItems()).hasSize(1);
            Retention.Usage usage = emulator.control().retention().stream()
                    .filter(u -> u.history().equals(Retention.CONFIG)).findFirst().orElseThrow();
            assertThat(usage.dropped()).isPositive();
            assertThat(usage.entries()).isEqualTo(4);
            assertThat(usage.limit().entries()).isEqualTo(4);
        }
    }
}
