package io.selfheal.remediations;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.Emulator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * IsolateCompromisedInstance against the emulator through the AWS SDK, as Lambda would run it: a two-interface
 * instance with a data volume and an instance profile, AWS's sample "GuardDuty Finding" event pointed at it. Every
 * interface ends on the isolation group, every volume is snapshotted with the finding id, one notification is sent,
 * and redelivered, concurrent, sample and low-severity findings change nothing more.
 */
class IsolateCompromisedInstanceOnEmulatorTest {
    private static final String PROFILE = "arn:aws:iam::123456789012:instance-profile/web";
    private static Emulator emulator;
    private static Ec2Client ec2;
    private static SqsClient sqs;
    private static SnsClient sns;
    private static AutoScalingClient autoScaling;
    private static String topicArn;
    private static String queueUrl;
    private static int findings;

    @BeforeAll
    static void start() {
        emulator = Emulator.startOnFreePort();
        ec2 = client(Ec2Client.builder());
        sqs = client(SqsClient.builder());
        sns = client(SnsClient.builder());
        autoScaling = client(AutoScalingClient.builder());
        topicArn = sns.createTopic(b -> b.name("security-ops")).topicArn();
        queueUrl = sqs.createQueue(b -> b.queueName("security-ops")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        // SNS delivers to a queue only when the queue's policy lets the topic send (SNS developer guide).
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"Service\":\"sns.amazonaws.com\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + queueArn
                + "\",\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"" + topicArn + "\"}}}]}";
        sqs.setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY, policy)));
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
        return builder.endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "s")))
                .build();
    }

    private static IsolateCompromisedInstance handler(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(Map.of("NOTIFY_TOPIC_ARN", topicArn,
                "SECURITY_TEAM_CIDR", "10.99.0.0/24"));
        all.putAll(env);
        return new IsolateCompromisedInstance(ec2, sns, autoScaling, IsolationSettings.fromEnvironment(all),
                Clock.systemUTC());
    }

    /** A two-interface instance with a data volume and an instance profile; its groups: web, admin. */
    private static Instance launch() {
        String subnet = ec2.describeSubnets(b -> b.filters(Filter.builder().name("availability-zone")
                .values("us-east-1a").build())).subnets().get(0).subnetId();
        String web = group("web");
        String admin = group("admin");
        return ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)
                .iamInstanceProfile(p -> p.arn(PROFILE))
                .blockDeviceMappings(BlockDeviceMapping.builder().deviceName("/dev/sdf").ebs(e -> e.volumeSize(20))
                        .build())
                .networkInterfaces(
                        InstanceNetworkInterfaceSpecification.builder().deviceIndex(0).subnetId(subnet).groups(web)
                                .build(),
                        InstanceNetworkInterfaceSpecification.builder().deviceIndex(1).subnetId(subnet).groups(admin)
                                .build())).instances().get(0);
    }

    private static String group(String role) {
        return ec2.createSecurityGroup(b -> b.groupName(role + "-" + System.nanoTime()).description(role)).groupId();
    }

    /** AWS's sample event for this instance, with its own finding id. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> finding(String instanceId, String type, double severity) {
        Map<String, Object> event = sampleEvent();
        Map<String, Object> detail = (Map<String, Object>) event.get("detail");
        detail.put("id", "finding-" + ++findings);
        detail.put("type", type);
        detail.put("severity", severity);
        ((Map<String, Object>) ((Map<String, Object>) detail.get("resource")).get("instanceDetails"))
                .put("instanceId", instanceId);
        return event;
    }

    /** AWS's sample Backdoor:EC2/C&CActivity.B event (fixtures/events, with its sources). */
    private static Map<String, Object> sampleEvent() {
        try (var in = IsolateCompromisedInstanceOnEmulatorTest.class
                .getResourceAsStream("/events/guardduty-finding-backdoor-ec2-ccactivity-b.json")) {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(in,
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> node, String... keys) {
        Map<String, Object> current = node;
        for (String key : keys) {
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }

    private static Map<String, Object> cAndC(String instanceId) {
        return finding(instanceId, "Backdoor:EC2/C&CActivity.B", 8);
    }

    private static List<NetworkInterface> interfaces(String instanceId) {
        return ec2.describeNetworkInterfaces(b -> b.filters(Filter.builder().name("attachment.instance-id")
                .values(instanceId).build())).networkInterfaces();
    }

    private static List<String> groupsOf(String instanceId) {
        return interfaces(instanceId).stream().flatMap(e -> e.groups().stream()).map(GroupIdentifier::groupId)
                .toList();
    }

    private static int snapshotsFor(String findingId) {
        return ec2.describeSnapshots(b -> b.filters(Filter.builder().name("tag:selfheal:finding-id")
                .values(findingId).build())).snapshots().size();
    }

    /** Notifications that arrived: long polls until one arrives, then drains what else is there. */
    private static List<Message> notifications() {
        List<Message> all = new ArrayList<>();
        List<Message> got;
        int wait = 2;
        do {
            int seconds = wait;
            got = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(seconds))
                    .messages();
            got.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
            all.addAll(got);
            wait = 1;
        } while (!got.isEmpty());
        return all;
    }

    @Test
    void everyInterfaceIsIsolatedWithEvidenceAndOneNotification() {
        Instance i = launch();
        String id = i.instanceId();
        List<String> original = groupsOf(id);
        Map<String, Object> event = cAndC(id);
        String findingId = (String) child(event, "detail").get("id");

        Map<String, Object> out = handler(Map.of()).handleRequest(event, null);

        assertThat(out.get("action")).isEqualTo("isolated");
        assertThat((List<?>) out.get("failed")).isEmpty();
        SecurityGroup isolation = ec2.describeSecurityGroups(b -> b.filters(Filter.builder().name("group-name")
                .values(IsolationGroups.ISOLATION).build(), Filter.builder().name("vpc-id").values(i.vpcId())
                .build())).securityGroups().get(0);
        assertThat(groupsOf(id)).hasSize(2).containsOnly(isolation.groupId());
        assertThat(isolation.ipPermissionsEgress()).isEmpty();
        assertThat(isolation.ipPermissions()).singleElement().satisfies(p -> {
            assertThat(p.fromPort()).isEqualTo(22);
            assertThat(p.ipRanges()).extracting(r -> r.cidrIp()).containsExactly("10.99.0.0/24");
        });
        assertThat(interfaces(id)).extracting(e -> e.tagSet().stream()
                .filter(t -> t.key().equals(IsolateCompromisedInstance.ORIGINAL_GROUPS)).findFirst().orElseThrow()
                .value()).containsExactlyInAnyOrderElementsOf(original);
        assertThat(snapshotsFor(findingId)).isEqualTo(2);
        assertThat(ec2.describeInstanceAttribute(b -> b.instanceId(id)
                .attribute(InstanceAttributeName.DISABLE_API_TERMINATION)).disableApiTermination().value()).isTrue();
        assertThat(ec2.describeInstanceAttribute(b -> b.instanceId(id)
                .attribute(InstanceAttributeName.DISABLE_API_STOP)).disableApiStop().value()).isTrue();
        Instance after = ec2.describeInstances(b -> b.instanceIds(id)).reservations().get(0).instances().get(0);
        assertThat(after.iamInstanceProfile()).isNull();
        assertThat(after.tags()).extracting(Tag::key).contains(IsolateCompromisedInstance.ISOLATED_BY);
        assertThat(ec2.describeSecurityGroups(b -> b.filters(Filter.builder().name("group-name")
                .values("selfheal-claim-" + id).build())).securityGroups()).isEmpty();
        List<Message> sent = notifications();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).body()).contains(id).contains(findingId);

        // Redelivered, and recurring with the same id: nothing more.
        assertThat(handler(Map.of()).handleRequest(event, null).get("action")).isEqualTo("already-isolated");
        assertThat(snapshotsFor(findingId)).isEqualTo(2);
        assertThat(notifications()).isEmpty();

        // Release puts the recorded groups and the profile back.
        Map<String, Object> released = handler(Map.of()).handleRequest(Map.of("action", "release", "instanceId", id),
                null);
        assertThat(released.get("action")).isEqualTo("released");
        assertThat(groupsOf(id)).containsExactlyInAnyOrderElementsOf(original);
        assertThat(ec2.describeInstances(b -> b.instanceIds(id)).reservations().get(0).instances().get(0)
                .iamInstanceProfile().arn()).isEqualTo(PROFILE);
    }

    @Test
    void concurrentDeliveriesIsolateOnce() throws Exception {
        String id = launch().instanceId();
        Map<String, Object> event = cAndC(id);
        String findingId = (String) child(event, "detail").get("id");
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Object>> runs = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return handler(Map.of()).handleRequest(event, null).get("action");
            }));
        }
        go.countDown();
        List<Object> actions = new ArrayList<>();
        for (CompletableFuture<Object> run : runs) {
            actions.add(run.get());
        }

        assertThat(actions).containsOnlyOnce("isolated");
        assertThat(actions).allMatch(a -> List.of("isolated", "in-progress", "already-isolated").contains(a));
        assertThat(snapshotsFor(findingId)).isEqualTo(2);
        assertThat(notifications()).hasSize(1);
    }

    @Test
    void sampleLowSeverityAndOtherTypesChangeNothing() {
        String id = launch().instanceId();
        List<String> before = groupsOf(id);
        Map<String, Object> sample = cAndC(id);
        child(sample, "detail", "service").put("additionalInfo", Map.of("sample", true));

        assertThat(handler(Map.of()).handleRequest(sample, null).get("action")).isEqualTo("ignored");
        assertThat(handler(Map.of()).handleRequest(finding(id, "Backdoor:EC2/C&CActivity.B", 5), null).get("action"))
                .isEqualTo("ignored");
        assertThat(handler(Map.of()).handleRequest(finding(id, "Recon:EC2/PortProbeUnprotectedPort", 8), null)
                .get("action")).isEqualTo("ignored");
        assertThat(handler(Map.of("DRY_RUN", "true")).handleRequest(cAndC(id), null).get("action"))
                .isEqualTo("dry-run");
        assertThat(groupsOf(id)).isEqualTo(before);
        assertThat(ec2.describeSnapshots(b -> b.filters(Filter.builder().name("tag:selfheal:instance-id").values(id)
                .build())).snapshots()).isEmpty();
        assertThat(notifications()).isEmpty();
    }

    @Test
    void anInstanceOfAnAutoScalingGroupIsDetachedSoTheGroupReplacesIt() {
        autoScaling.createLaunchConfiguration(b -> b.launchConfigurationName("web-lc").imageId("ami-12345678"));
        autoScaling.createAutoScalingGroup(b -> b.autoScalingGroupName("web").launchConfigurationName("web-lc")
                .minSize(1).maxSize(2).availabilityZones("us-east-1a"));
        String id = autoScaling.describeAutoScalingGroups(b -> b.autoScalingGroupNames("web")).autoScalingGroups()
                .get(0).instances().get(0).instanceId();

        Map<String, Object> out = handler(Map.of()).handleRequest(cAndC(id), null);

        assertThat(out.get("action")).isEqualTo("isolated");
        assertThat(out.get("done").toString()).contains("detach from Auto Scaling group web");
        assertThat(autoScaling.describeAutoScalingInstances(b -> b.instanceIds(id)).autoScalingInstances()).isEmpty();
        var group = autoScaling.describeAutoScalingGroups(b -> b.autoScalingGroupNames("web")).autoScalingGroups()
                .get(0);
        assertThat(group.desiredCapacity()).isEqualTo(1);
        assertThat(group.instances()).singleElement().satisfies(i -> assertThat(i.instanceId()).isNotEqualTo(id));
        notifications();
    }

    /**
     * The isolated-at tag is EC2's time (its responses' Date header), not the function's clock: here the function's
     * clock is stopped in 2001, and the tag still says when EC2 isolated the instance.
     */
    @Test
    void theIsolatedAtTagIsTheCloudsTimeNotTheFunctionsClock() {
        String id = launch().instanceId();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        IsolateCompromisedInstance stoppedClock = new IsolateCompromisedInstance(ec2, sns, autoScaling,
                IsolationSettings.fromEnvironment(Map.of("NOTIFY_TOPIC_ARN", topicArn)),
                Clock.fixed(Instant.parse("2001-01-01T00:00:00Z"), ZoneOffset.UTC));

        assertThat(stoppedClock.handleRequest(cAndC(id), null).get("action")).isEqualTo("isolated");

        Instant tagged = Instant.parse(ec2.describeInstances(b -> b.instanceIds(id)).reservations().get(0)
                .instances().get(0).tags().stream().filter(t -> t.key().equals(IsolateCompromisedInstance.ISOLATED_AT))
                .findFirst().orElseThrow().value());
        assertThat(tagged).isBetween(before, Instant.now());
        notifications();
    }

    @Test
    void aTerminatedInstanceIsSkippedCleanly() {
        String id = launch().instanceId();
        ec2.terminateInstances(b -> b.instanceIds(id));

        Map<String, Object> out = handler(Map.of()).handleRequest(cAndC(id), null);

        assertThat(out.get("action")).isEqualTo("skipped");
        assertThat(out.get("reason").toString()).startsWith("instance ");
        assertThat(handler(Map.of()).handleRequest(cAndC("i-0123456789abcdef0"), null).get("action"))
                .isEqualTo("skipped");
    }
}
