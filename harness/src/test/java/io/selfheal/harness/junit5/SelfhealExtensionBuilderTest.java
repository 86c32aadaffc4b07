package io.selfheal.harness.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.sts.StsClient;

/** The programmatic extension: a static field, read through {@code endpoint()}, {@code advance} and {@code client}. */
class SelfhealExtensionBuilderTest {
    @RegisterExtension
    static SelfhealExtension cloud = SelfhealExtension.builder().region("ap-southeast-2").accountId("210987654321")
            .clockStart(Instant.parse("2026-03-01T12:00:00Z")).build();

    @Test
    void aClientOfYourOwnWorksAgainstEndpoint() {
        try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(cloud.endpoint()).region(Region.AP_SOUTHEAST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "x")))
                .build()) {
            String id = ec2.runInstances(r -> r.imageId("ami-0abcdef1234567890").minCount(1).maxCount(1))
                    .instances().get(0).instanceId();
            assertThat(state(ec2, id)).isEqualTo(InstanceStateName.PENDING);

            cloud.advance(Duration.ofSeconds(1));
            cloud.awaitIdle();

            assertThat(state(ec2, id)).isEqualTo(InstanceStateName.RUNNING);
            assertThat(cloud.running().now()).isEqualTo(Instant.parse("2026-03-01T12:00:01Z"));
        }
    }

    @Test
    void clientsFromTheExtensionActInItsAccountAndRegion() {
        StsClient sts = cloud.client(StsClient.class);
        assertThat(sts.getCallerIdentity().account()).isEqualTo("210987654321");
        assertThat(cloud.emulator().region()).isEqualTo("ap-southeast-2");
    }

    private static InstanceStateName state(Ec2Client ec2, String id) {
        return ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0).state().name();
    }
}
