package io.selfheal.emulator.services.config;

import static io.selfheal.emulator.services.config.ConfigTestSupport.complianceQueue;
import static io.selfheal.emulator.services.config.ConfigTestSupport.drain;
import static io.selfheal.emulator.services.config.ConfigTestSupport.startRecorder;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ConfigurationItem;
import software.amazon.awssdk.services.config.model.Owner;
import software.amazon.awssdk.services.config.model.ResourceType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Volumes made, attached and detached through the EC2 API are recorded as {@code AWS::EC2::Volume} items and
 * evaluated by encrypted-volumes (https://docs.aws.amazon.com/config/latest/developerguide/encrypted-volumes.html)
 * and ec2-volume-inuse-check
 * (https://docs.aws.amazon.com/config/latest/developerguide/ec2-volume-inuse-check.html).
 */
class ConfigVolumeAttachmentsTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.virtualTime(Instant.parse("2026-04-01T08:00:00Z"))
            .resetBeforeEach();

    ConfigClient config;
    Ec2Client ec2;

    @BeforeEach
    void clients() {
        config = AWS.client(ConfigClient.class);
        ec2 = AWS.client(Ec2Client.class);
        startRecorder(config, AWS.client(IamClient.class), AWS.client(S3Client.class));
    }

    private void rule(String name, String identifier) {
        config.putConfigRule(b -> b.configRule(r -> r.configRuleName(name)
                .source(s -> s.owner(Owner.AWS).sourceIdentifier(identifier))));
    }

    private String compliance(String rule, String volumeId) {
        return config.getComplianceDetailsByResource(b -> b.resourceType("AWS::EC2::Volume").resourceId(volumeId))
                .evaluationResults().stream()
                .filter(e -> e.evaluationResultIdentifier().evaluationResultQualifier().configRuleName().equals(rule))
                .map(e -> e.complianceTypeAsString()).findFirst().orElse("none");
    }

    @Test
    void attachingAndDetachingAVolumeIsRecordedAndEvaluated() {
        SqsClient sqs = AWS.client(SqsClient.class);
        String queue = complianceQueue(AWS.client(EventBridgeClient.class), sqs, "volumes");
        String instance = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)).instances().get(0)
                .instanceId();
        AWS.advance(Duration.ofMinutes(1));
        rule("encrypted-volumes", "ENCRYPTED_VOLUMES");
        rule("ec2-volume-inuse-check", "EC2_VOLUME_INUSE_CHECK");
        drain(AWS.emulator(), sqs, queue);

        String volume = ec2.createVolume(b -> b.availabilityZone("us-east-1a").size(8)).volumeId();
        assertThat(compliance("ec2-volume-inuse-check", volume)).isEqualTo("NON_COMPLIANT");
        assertThat(compliance("encrypted-volumes", volume)).isEqualTo("NOT_APPLICABLE");

        ec2.attachVolume(b -> b.volumeId(volume).instanceId(instance).device("/dev/sdg"));
        assertThat(compliance("ec2-volume-inuse-check", volume)).isEqualTo("COMPLIANT");
        assertThat(compliance("encrypted-volumes", volume)).isEqualTo("NON_COMPLIANT");
        List<JsonNode> changes = drain(AWS.emulator(), sqs, queue);
        assertThat(changes).filteredOn(e -> e.at("/detail/resourceId").asText().equals(volume))
                .extracting(e -> e.at("/detail/configRuleName").asText() + "="
                        + e.at("/detail/newEvaluationResult/complianceType").asText())
                .contains("encrypted-volumes=NON_COMPLIANT", "ec2-volume-inuse-check=COMPLIANT");

        ec2.detachVolume(b -> b.volumeId(volume));
        assertThat(compliance("ec2-volume-inuse-check", volume)).isEqualTo("NON_COMPLIANT");
        List<ConfigurationItem> history = config.getResourceConfigHistory(b -> b.resourceType(ResourceType.AWS_EC2_VOLUME)
                .resourceId(volume)).configurationItems();
        assertThat(history).hasSizeGreaterThanOrEqualTo(3);
        assertThat(history.get(0).configuration()).contains("\"status\":\"available\"");
        assertThat(history.get(1).configuration()).contains("\"status\":\"in-use\"").contains("/dev/sdg");
    }
}
