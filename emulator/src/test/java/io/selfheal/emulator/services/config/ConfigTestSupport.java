package io.selfheal.emulator.services.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.core.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** What the rules tests set up through the SDK: a running recorder, and a queue that receives Config's events. */
final class ConfigTestSupport {
    static final String ACCOUNT = "123456789012";
    static final String CONFIG_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/config-role";
    static final String COMPLIANCE_PATTERN = "{\"source\":[\"aws.config\"],"
            + "\"detail-type\":[\"Config Rules Compliance Change\"]}";

    private ConfigTestSupport() {
    }

    /** A recorder with its delivery channel, started, as the AWS CLI's getting-started steps make one. */
    static void startRecorder(ConfigClient config, IamClient iam, S3Client s3) {
        try {
            iam.createRole(r -> r.roleName("config-role").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"config.amazonaws.com\"},"
                    + "\"Action\":\"sts:AssumeRole\"}]}"));
        } catch (EntityAlreadyExistsException made) {
            // by an earlier test of the class
        }
        try {
            s3.createBucket(b -> b.bucket("config-history"));
        } catch (software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException made) {
            // by an earlier test of the class
        }
        config.putConfigurationRecorder(b -> b.configurationRecorder(r -> r.name("default").roleARN(CONFIG_ROLE)
                .recordingGroup(g -> g.allSupported(true))));
        config.putDeliveryChannel(b -> b.deliveryChannel(d -> d.name("default").s3BucketName("config-history")));
        config.startConfigurationRecorder(b -> b.configurationRecorderName("default"));
    }

    /** An EventBridge rule sending every compliance change of the default bus to a new queue; the queue's URL. */
    static String complianceQueue(EventBridgeClient events, SqsClient sqs, String name) {
        String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();
        sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY,
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                        + "\"events.amazonaws.com\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"*\"}]}")));
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        events.putRule(b -> b.name(name).eventPattern(COMPLIANCE_PATTERN));
        events.putTargets(b -> b.rule(name).targets(t -> t.id("queue").arn(arn)));
        return url;
    }

    /** Every event the queue holds once the emulator is idle (each received once and deleted). */
    static List<JsonNode> drain(Emulator emulator, SqsClient sqs, String url) {
        assertThat(emulator.control().awaitIdle(Duration.ofSeconds(20))).isTrue();
        List<JsonNode> out = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
            if (batch.isEmpty()) {
                return out;
            }
            for (Message m : batch) {
                try {
                    out.add(Json.parse(m.body()));
                } catch (java.io.IOException e) {
                    throw new AssertionError(m.body(), e);
                }
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
    }

    /** A security group of the default VPC, as a drift scenario starts with. */
    static String securityGroup(Ec2Client ec2, String name) {
        return ec2.createSecurityGroup(b -> b.groupName(name).description("web tier")).groupId();
    }

    static void openSshToTheWorld(Ec2Client ec2, String group) {
        ec2.authorizeSecurityGroupIngress(b -> b.groupId(group).ipPermissions(p -> p.ipProtocol("tcp").fromPort(22)
                .toPort(22).ipRanges(r -> r.cidrIp("0.0.0.0/0"))));
    }

    static void closeSsh(Ec2Client ec2, String group) {
        ec2.revokeSecurityGroupIngress(b -> b.groupId(group).ipPermissions(p -> p.ipProtocol("tcp").fromPort(22)
                .toPort(22).ipRanges(r -> r.cidrIp("0.0.0.0/0"))));
    }
}
