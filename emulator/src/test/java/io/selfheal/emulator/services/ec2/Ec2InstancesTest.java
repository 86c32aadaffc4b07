package io.selfheal.emulator.services.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** RunInstances, DescribeInstances (ids, filters, paging) and tags through the SDK's Ec2Client. */
class Ec2InstancesTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    private static Emulator emulator;
    private static Ec2Client ec2;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        ec2 = AWS.client(Ec2Client.class);
    }

    @Test
    void runInstancesAnswersTheReservationWithPendingInstancesInAwsShape() {
        Instant before = Instant.now().minusSeconds(1);
        RunInstancesResponse r = ec2.runInstances(b -> b.imageId("ami-0abcdef1234567890").minCount(2).maxCount(2)
                .keyName("ops").instanceType("t3.micro")
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                        .tags(Tag.builder().key("Name").value("web").build()).build()));
        assertThat(r.reservationId()).matches("r-[0-9a-f]{17}");
        assertThat(r.ownerId()).isEqualTo("123456789012");
        assertThat(r.instances()).hasSize(2);
        Instance i = r.instances().get(0);
        assertThat(i.instanceId()).matches("i-[0-9a-f]{17}");
        assertThat(i.state().nameAsString()).isEqualTo("pending");
        assertThat(i.state().code()).isZero();
        assertThat(i.imageId()).isEqualTo("ami-0abcdef1234567890");
        assertThat(i.instanceTypeAsString()).isEqualTo("t3.micro");
        assertThat(i.keyName()).isEqualTo("ops");
        assertThat(i.placement().availabilityZone()).isEqualTo("us-east-1a");
        assertThat(i.vpcId()).matches("vpc-[0-9a-f]{17}");
        assertThat(i.subnetId()).matches("subnet-[0-9a-f]{17}");
        assertThat(i.privateIpAddress()).matches("172\\.31\\.\\d+\\.\\d+");
        assertThat(i.privateDnsName()).isEqualTo("ip-" + i.privateIpAddress().replace('.', '-') + ".ec2.internal");
        assertThat(i.launchTime()).isAfter(before);
        assertThat(i.amiLaunchIndex()).isZero();
        assertThat(r.instances().get(1).amiLaunchIndex()).isEqualTo(1);
        assertThat(i.tags()).containsExactly(Tag.builder().key("Name").value("web").build());
        assertThat(i.securityGroups()).hasSize(1);
        assertThat(i.securityGroups().get(0).groupName()).isEqualTo("default");
    }

    @Test
    void runInstancesDefaultsToM1SmallAndRecordsSubnetAndSecurityGroups() {
        String subnetId = ec2.describeSubnets(b -> b.filters(Filter.builder().name("availability-zone")
                .values("us-east-1b").build())).subnets().get(0).subnetId();
        String groupId = ec2.createSecurityGroup(b -> b.groupName("launch-" + UUID.randomUUID())
                .description("launch")).groupId();
        Instance i = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)
                .subnetId(subnetId).securityGroupIds(groupId)).instances().get(0);
        assertThat(i.instanceTypeAsString()).isEqualTo("m1.small");
        assertThat(i.subnetId()).isEqualTo(subnetId);
        assertThat(i.placement().availabilityZone()).isEqualTo("us-east-1b");
        assertThat(i.securityGroups()).extracting(g -> g.groupId()).containsExactly(groupId);
        assertThat(i.keyName()).isNull();
    }

    @Test
    void maxCountLaunchesThatMany() {
        assertThat(ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(3)).instances()).hasSize(3);
    }

    @Test
    void aRepeatedClientTokenAnswersTheSameReservation() {
        String token = UUID.randomUUID().toString();
        RunInstancesResponse first = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)
                .clientToken(token));
        RunInstancesResponse again = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)
                .clientToken(token));
        assertThat(again.reservationId()).isEqualTo(first.reservationId());
        assertThat(again.instances().get(0).instanceId()).isEqualTo(first.instances().get(0).instanceId());
    }

    @Test
    void runInstancesRefusesWhatAwsRefuses() {
        assertError(() -> ec2.runInstances(b -> b.minCount(1).maxCount(1)), "MissingParameter");
        assertError(() -> ec2.runInstances(b -> b.imageId("image-1").minCount(1).maxCount(1)), "InvalidAMIID.Malformed");
        assertError(() -> ec2.runInstances(b -> b.imageId("ami-12345678").maxCount(1)), "MissingParameter");
        assertError(() -> ec2.runInstances(b -> b.imageId("ami-12345678").minCount(0).maxCount(1)),
                "InvalidParameterValue");
        assertError(() -> ec2.runInstances(b -> b.imageId("ami-12345678").minCount(2).maxCount(1)),
                "InvalidParameterValue");
        assertError(() -> ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)
                .instanceType("huge")), "InvalidParameterValue");
        assertError(() -> ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                        .tags(Tag.builder().key("aws:reserved").value("x").build()).build())), "InvalidParameterValue");
        Ec2Exception malformed = assertError(() -> ec2.runInstances(b -> b.imageId("ami-xyz").minCount(1)
                .maxCount(1)), "InvalidAMIID.Malformed");
        assertThat(malformed.awsErrorDetails().errorMessage()).isEqualTo("Invalid id: \"ami-xyz\" (expecting \"ami-...\")");
    }

    @Test
    void describeInstancesByIdsAndNotFoundAndMalformed() {
        String id = launch("describe-by-id").instanceId();
        DescribeInstancesResponse r = ec2.describeInstances(b -> b.instanceIds(id));
        assertThat(instances(r)).extracting(Instance::instanceId).containsExactly(id);

        Ec2Exception one = assertError(() -> ec2.describeInstances(b -> b.instanceIds(id, "i-00000000000000000")),
                "InvalidInstanceID.NotFound");
        assertThat(one.awsErrorDetails().errorMessage()).isEqualTo("The instance ID 'i-00000000000000000' does not exist");
        Ec2Exception two = assertError(() -> ec2.describeInstances(b -> b.instanceIds("i-00000000000000000",
                "i-11111111111111111")), "InvalidInstanceID.NotFound");
        assertThat(two.awsErrorDetails().errorMessage())
                .isEqualTo("The instance IDs 'i-00000000000000000, i-11111111111111111' do not exist");
        Ec2Exception malformed = assertError(() -> ec2.describeInstances(b -> b.instanceIds("i-xyz")),
                "InvalidInstanceID.Malformed");
        assertThat(malformed.awsErrorDetails().errorMessage()).isEqualTo("Invalid id: \"i-xyz\" (expecting \"i-...\")");
    }

    @Test
    void describeInstancesFiltersByTagsStateTypeAndId() {
        String group = "g-" + UUID.randomUUID();
        Instance a = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1).instanceType("t3.nano")
                .tagSpecifications(tags("Group", group, "Role", "web"))).instances().get(0);
        Instance b2 = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)
                .tagSpecifications(tags("Group", group, "Role", "db"))).instances().get(0);

        assertThat(ids(filter("tag:Group", group))).containsExactly(a.instanceId(), b2.instanceId());
        assertThat(ids(filter("tag:Group", group), filter("tag:Role", "web"))).containsExactly(a.instanceId());
        assertThat(ids(filter("tag:Group", group), filter("tag:Role", "w*"))).containsExactly(a.instanceId());
        assertThat(ids(filter("tag:Group", group), filter("tag:Role", "web", "db"))).hasSize(2);
        assertThat(ids(filter("tag:Group", group), filter("instance-type", "t3.nano"))).containsExactly(a.instanceId());
        assertThat(ids(filter("tag:Group", group), filter("instance-id", b2.instanceId())))
                .containsExactly(b2.instanceId());
        assertThat(ids(filter("tag:Group", group), filter("instance-state-name", "pending", "running"))).hasSize(2);
        assertThat(ids(filter("tag:Group", group), filter("instance-state-name", "stopped"))).isEmpty();
        assertThat(ids(filter("tag-key", "Role"), filter("tag:Group", group))).hasSize(2);
        assertThat(ids(filter("tag-key", "Nope"), filter("tag:Group", group))).isEmpty();
        assertError(() -> ec2.describeInstances(b -> b.filters(filter("no-such-filter", "x"))), "InvalidParameterValue");
    }

    @Test
    void describeInstancesPagesWithMaxResultsAndNextToken() {
        String group = "p-" + UUID.randomUUID();
        ec2.runInstances(b -> b.imageId("ami-12345678").minCount(7).maxCount(7).tagSpecifications(tags("Page", group)));
        DescribeInstancesResponse first = ec2.describeInstances(b -> b.filters(filter("tag:Page", group)).maxResults(5));
        assertThat(instances(first)).hasSize(5);
        assertThat(first.nextToken()).isNotBlank();
        DescribeInstancesResponse second = ec2.describeInstances(b -> b.filters(filter("tag:Page", group))
                .maxResults(5).nextToken(first.nextToken()));
        assertThat(instances(second)).hasSize(2);
        assertThat(second.nextToken()).isNull();
        assertThat(ec2.describeInstancesPaginator(b -> b.filters(filter("tag:Page", group)).maxResults(5))
                .reservations().stream().mapToInt(r -> r.instances().size()).sum()).isEqualTo(7);

        assertError(() -> ec2.describeInstances(b -> b.maxResults(4)), "InvalidParameterValue");
        assertError(() -> ec2.describeInstances(b -> b.maxResults(5).instanceIds("i-00000000000000000")),
                "InvalidParameterCombination");
        assertError(() -> ec2.describeInstances(b -> b.maxResults(5).nextToken("garbage")), "InvalidPaginationToken");
    }

    @Test
    void createTagsAndDeleteTagsAsTheReferenceDescribes() {
        String id = launch("tags").instanceId();
        ec2.createTags(b -> b.resources(id).tags(tag("Env", "prod"), tag("Team", "sre"), tag("Empty", "")));
        assertThat(tagsOf(id)).extracting(Tag::key).containsExactly("Name", "Env", "Team", "Empty");

        ec2.deleteTags(b -> b.resources(id).tags(Tag.builder().key("Env").value("dev").build()));
        assertThat(tagsOf(id)).extracting(Tag::key).contains("Env");
        ec2.deleteTags(b -> b.resources(id).tags(Tag.builder().key("Env").build()));
        assertThat(tagsOf(id)).extracting(Tag::key).doesNotContain("Env");
        ec2.deleteTags(b -> b.resources(id).tags(Tag.builder().key("Empty").value("").build()));
        assertThat(tagsOf(id)).extracting(Tag::key).containsExactly("Name", "Team");
        ec2.deleteTags(b -> b.resources(id));
        assertThat(tagsOf(id)).isEmpty();

        assertError(() -> ec2.createTags(b -> b.resources("i-00000000000000000").tags(tag("a", "b"))),
                "InvalidInstanceID.NotFound");
        // Volumes are modelled now, so an unknown one is InvalidVolume.NotFound; unmodelled types stay InvalidID.
        assertError(() -> ec2.createTags(b -> b.resources("vol-12345678").tags(tag("a", "b"))),
                "InvalidVolume.NotFound");
        assertError(() -> ec2.createTags(b -> b.resources("igw-12345678").tags(tag("a", "b"))), "InvalidID");
        assertError(() -> ec2.createTags(b -> b.resources(id)), "MissingParameter");
        Ec2Exception dry = assertError(() -> ec2.createTags(b -> b.resources(id).tags(tag("a", "b")).dryRun(true)),
                "DryRunOperation");
        assertThat(dry.statusCode()).isEqualTo(412);
        assertThat(tagsOf(id)).isEmpty();
    }

    private static Instance launch(String name) {
        return ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)
                .tagSpecifications(tags("Name", name))).instances().get(0);
    }

    private static List<Tag> tagsOf(String id) {
        return instances(ec2.describeInstances(b -> b.instanceIds(id))).get(0).tags();
    }

    private static List<String> ids(Filter... filters) {
        return instances(ec2.describeInstances(b -> b.filters(filters))).stream().map(Instance::instanceId).toList();
    }

    private static List<Instance> instances(DescribeInstancesResponse r) {
        return r.reservations().stream().map(Reservation::instances).flatMap(List::stream).toList();
    }

    static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    static TagSpecification tags(String... keyValues) {
        TagSpecification.Builder spec = TagSpecification.builder().resourceType(ResourceType.INSTANCE);
        Tag[] tags = new Tag[keyValues.length / 2];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = tag(keyValues[2 * i], keyValues[2 * i + 1]);
        }
        return spec.tags(tags).build();
    }

    static Ec2Exception assertError(Runnable call, String code) {
        Ec2Exception e = catchThrowableOfType(Ec2Exception.class, call::run);
        assertThat(e).as("expected %s", code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        if (!code.equals("DryRunOperation")) {
            assertThat(e.statusCode()).isEqualTo(400);
        }
        return e;
    }
}
