package io.selfheal.emulator.services.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ConfigurationRecorder;
import software.amazon.awssdk.services.config.model.InsufficientDeliveryPolicyException;
import software.amazon.awssdk.services.config.model.InvalidRecordingGroupException;
import software.amazon.awssdk.services.config.model.InvalidRoleException;
import software.amazon.awssdk.services.config.model.LastDeliveryChannelDeleteFailedException;
import software.amazon.awssdk.services.config.model.MaxNumberOfConfigurationRecordersExceededException;
import software.amazon.awssdk.services.config.model.MaxNumberOfDeliveryChannelsExceededException;
import software.amazon.awssdk.services.config.model.NoAvailableConfigurationRecorderException;
import software.amazon.awssdk.services.config.model.NoAvailableDeliveryChannelException;
import software.amazon.awssdk.services.config.model.NoSuchBucketException;
import software.amazon.awssdk.services.config.model.NoSuchConfigurationRecorderException;
import software.amazon.awssdk.services.config.model.NoSuchDeliveryChannelException;
import software.amazon.awssdk.services.config.model.RecorderStatus;
import software.amazon.awssdk.services.config.model.ResourceType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The configuration recorder and delivery channel through the SDK v2, with AWS's preconditions and errors:
 * https://docs.aws.amazon.com/config/latest/APIReference/API_PutConfigurationRecorder.html,
 * https://docs.aws.amazon.com/config/latest/APIReference/API_StartConfigurationRecorder.html,
 * https://docs.aws.amazon.com/config/latest/APIReference/API_PutDeliveryChannel.html,
 * https://docs.aws.amazon.com/config/latest/APIReference/API_DeleteDeliveryChannel.html,
 * https://docs.aws.amazon.com/config/latest/APIReference/API_RecordingGroup.html.
 */
class ConfigRecorderTest {
    static final String ROLE = "arn:aws:iam::123456789012:role/config-role";

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().resetBeforeEach();

    @Test
    void putDescribeStartStopAndDeleteTheRecorderAndChannel(ConfigClient config, S3Client s3) {
        s3.createBucket(b -> b.bucket("config-history"));
        config.putConfigurationRecorder(b -> b.configurationRecorder(r -> r.name("default").roleARN(ROLE)
                .recordingGroup(g -> g.allSupported(false).resourceTypes(ResourceType.AWS_EC2_SECURITY_GROUP))));
        ConfigurationRecorder described = config.describeConfigurationRecorders(b -> { })
                .configurationRecorders().get(0);
        assertThat(described.name()).isEqualTo("default");
        assertThat(described.roleARN()).isEqualTo(ROLE);
        assertThat(described.recordingGroup().allSupported()).isFalse();
        assertThat(described.recordingGroup().resourceTypes()).containsExactly(ResourceType.AWS_EC2_SECURITY_GROUP);
        assertThat(config.describeConfigurationRecorderStatus(b -> { }).configurationRecordersStatus())
                .singleElement().satisfies(s -> {
                    assertThat(s.name()).isEqualTo("default");
                    assertThat(s.recording()).isFalse();
                });

        assertThatThrownBy(() -> config.startConfigurationRecorder(b -> b.configurationRecorderName("default")))
                .isInstanceOf(NoAvailableDeliveryChannelException.class);
        config.putDeliveryChannel(b -> b.deliveryChannel(c -> c.name("default").s3BucketName("config-history")
                .configSnapshotDeliveryProperties(p -> p.deliveryFrequency("Six_Hours"))));
        assertThat(config.describeDeliveryChannels(b -> { }).deliveryChannels()).singleElement()
                .satisfies(c -> {
                    assertThat(c.s3BucketName()).isEqualTo("config-history");
                    assertThat(c.configSnapshotDeliveryProperties().deliveryFrequencyAsString())
                            .isEqualTo("Six_Hours");
                });
        assertThat(config.describeDeliveryChannelStatus(b -> b.deliveryChannelNames("default"))
                .deliveryChannelsStatus()).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("default"));

        config.startConfigurationRecorder(b -> b.configurationRecorderName("default"));
        var status = config.describeConfigurationRecorderStatus(b -> b.configurationRecorderNames("default"))
                .configurationRecordersStatus().get(0);
        assertThat(status.recording()).isTrue();
        assertThat(status.lastStatus()).isEqualTo(RecorderStatus.SUCCESS);
        assertThat(status.lastStartTime()).isNotNull();
        assertThatThrownBy(() -> config.deleteDeliveryChannel(b -> b.deliveryChannelName("default")))
                .isInstanceOf(LastDeliveryChannelDeleteFailedException.class);

        config.stopConfigurationRecorder(b -> b.configurationRecorderName("default"));
        var stopped = config.describeConfigurationRecorderStatus(b -> { }).configurationRecordersStatus().get(0);
        assertThat(stopped.recording()).isFalse();
        assertThat(stopped.lastStopTime()).isNotNull();
        config.deleteDeliveryChannel(b -> b.deliveryChannelName("default"));
        assertThat(config.describeDeliveryChannels(b -> { }).deliveryChannels()).isEmpty();
        config.deleteConfigurationRecorder(b -> b.configurationRecorderName("default"));
        assertThat(config.describeConfigurationRecorders(b -> { }).configurationRecorders()).isEmpty();
    }

    @Test
    void oneRecorderPerAccountAndRegionAndItsPreconditions(ConfigClient config) {
        assertThatThrownBy(() -> config.putConfigurationRecorder(b -> b.configurationRecorder(r -> r.name("x"))))
                .isInstanceOfSatisfying(InvalidRoleException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> config.putDeliveryChannel(b -> b.deliveryChannel(c -> c.s3BucketName("b"))))
                .isInstanceOf(NoAvailableConfigurationRecorderException.class);
        config.putConfigurationRecorder(b -> b.configurationRecorder(r -> r.name("first").roleARN(ROLE)));
        config.putConfigurationRecorder(b -> b.configurationRecorder(r -> r.name("first").roleARN(ROLE + "2")));
        assertThat(config.describeConfigurationRecorders(b -> { }).configurationRecorders().get(0).roleARN())
                .isEqualTo(ROLE + "2");
        assertThatThrownBy(() -> config.putConfigurationRecorder(b -> b.configurationRecorder(r -> r.name("second")
                .roleARN(ROLE)))).isInstanceOf(MaxNumberOfConfigurationRecordersExceededException.class);
        assertThatThrownBy(() -> config.startConfigurationRecorder(b -> b.configurationRecorderName("second")))
                .isInstanceOfSatisfying(NoSuchConfigurationRecorderException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("'second'"));
        assertThatThrownBy(() -> config.describeConfigurationRecorders(b -> b.configurationRecorderNames("nope")))
                .isInstanceOf(NoSuchConfigurationRecorderException.class);
        assertThatThrownBy(() -> config.describeDeliveryChannels(b -> b.deliveryChannelNames("nope")))
                .isInstanceOf(NoSuchDeliveryChannelException.class);
        assertThatThrownBy(() -> config.deleteDeliveryChannel(b -> b.deliveryChannelName("nope")))
                .isInstanceOf(NoSuchDeliveryChannelException.class);
    }

    @Test
    void theRecordingGroupIsValidated(ConfigClient config) {
        assertThatThrownBy(() -> config.putConfigurationRecorder(b -> b.configurationRecorder(r -> r.roleARN(ROLE)
                .recordingGroup(g -> g.allSupported(true).resourceTypes(ResourceType.AWS_EC2_INSTANCE)))))
                .isInstanceOf(InvalidRecordingGroupException.class);
        assertThatThrownBy(() -> config.putConfigurationRecorder(b -> b.configurationRecorder(r -> r.roleARN(ROLE)
                .recordingGroup(g -> g.allSupported(false)))))
                .isInstanceOf(InvalidRecordingGroupException.class);
        assertThatThrownBy(() -> config.putConfigurationRecorder(b -> b.configurationRecorder(r -> r.roleARN(ROLE)
                .recordingGroup(g -> g.allSupported(false).includeGlobalResourceTypes(true)
                        .resourceTypes(ResourceType.AWS_EC2_INSTANCE)))))
                .isInstanceOf(InvalidRecordingGroupException.class);
        config.putConfigurationRecorder(b -> b.configurationRecorder(r -> r.roleARN(ROLE)));
        var group = config.describeConfigurationRecorders(b -> { }).configurationRecorders().get(0).recordingGroup();
        assertThat(group.allSupported()).isTrue();
        assertThat(group.includeGlobalResourceTypes()).isTrue();
    }

    @Test
    void theChannelsBucketMustExistAndAnotherAccountsMustLetConfigWrite(ConfigClient config, S3Client s3) {
        config.putConfigurationRecorder(b -> b.configurationRecorder(r -> r.roleARN(ROLE)));
        assertThatThrownBy(() -> config.putDeliveryChannel(b -> b.deliveryChannel(c -> c.s3BucketName("missing"))))
                .isInstanceOfSatisfying(NoSuchBucketException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("missing"));
        S3Client other = io.selfheal.emulator.TestClients.of(S3Client.builder(), AWS.emulator().endpoint(),
                "210987654321");
        other.createBucket(b -> b.bucket("central-config"));
        assertThatThrownBy(() -> config.putDeliveryChannel(b -> b.deliveryChannel(c -> c
                .s3BucketName("central-config")))).isInstanceOf(InsufficientDeliveryPolicyException.class);
        other.putBucketPolicy(b -> b.bucket("central-config").policy("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"config.amazonaws.com\"},"
                + "\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::central-config/AWSLogs/*\"}]}"));
        config.putDeliveryChannel(b -> b.deliveryChannel(c -> c.name("central").s3BucketName("central-config")));
        s3.createBucket(b -> b.bucket("mine"));
        assertThatThrownBy(() -> config.putDeliveryChannel(b -> b.deliveryChannel(c -> c.name("second")
                .s3BucketName("mine")))).isInstanceOf(MaxNumberOfDeliveryChannelsExceededException.class);
        other.close();
    }
}
