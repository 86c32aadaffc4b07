package io.selfheal.harness.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.selfheal.harness.backend.Cloud;
import io.selfheal.harness.backend.EmbeddedCloud;
import io.selfheal.harness.dsl.Faults;
import io.selfheal.harness.dsl.Outcomes;
import io.selfheal.harness.dsl.Scenarios;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.ScenarioLoader;
import io.selfheal.harness.steps.ConfigDriftFault;
import io.selfheal.harness.steps.FaultContext;
import io.selfheal.harness.steps.drift.AttachUnencryptedVolume;
import io.selfheal.harness.steps.drift.DetachVolume;
import io.selfheal.harness.steps.drift.DriftTarget;
import io.selfheal.harness.steps.drift.InstanceMonitoring;
import io.selfheal.harness.steps.drift.PublicReadBucket;
import io.selfheal.harness.steps.drift.RemoveTag;
import io.selfheal.harness.yaml.InvalidFileException;
import io.selfheal.harness.yaml.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@code configDrift}: read from YAML and the DSL into the same model, refused with a message where the change does
 * not apply to the resource, and injected through the AWS SDK against an embedded emulator (a volume found by its
 * device, a bucket's tag set and policy: kinds no shipped scenario provisions).
 */
class ConfigDriftFaultTest {
    private static final String STACK = """
            scenario: drift
            stack:
              instances:
                web: {imageId: ami-0abcdef1234567890, tags: {Owner: team}}
              securityGroups:
                web: {name: web}
            faults:
              - configDrift: %s
            expect:
              outcomes:
                - instance: {ref: web, state: running}
            """;

    private static Scenario load(String drift) {
        return new ScenarioLoader().load(Path.of("drift.yaml"), STACK.formatted(drift));
    }

    private static List<String> problems(String drift) {
        InvalidFileException e = catchThrowableOfType(InvalidFileException.class, () -> load(drift));
        assertThat(e).as("loading %s must fail", drift).isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void yamlAndTheDslGiveTheSameModel() {
        assertThat(load("{instance: web, removeTag: Owner}").faults())
                .containsExactly(new ConfigDriftFault(DriftTarget.instance("web"), new RemoveTag("Owner")));
        assertThat(load("{instance: web, device: /dev/sdf, removeTag: Owner}").faults())
                .containsExactly(new ConfigDriftFault(DriftTarget.volume("web", "/dev/sdf"), new RemoveTag("Owner")));
        assertThat(load("{securityGroup: web, removeTag: Owner}").faults())
                .containsExactly(new ConfigDriftFault(DriftTarget.securityGroup("web"), new RemoveTag("Owner")));
        assertThat(load("{bucket: logs, publicRead: true}").faults())
                .containsExactly(new ConfigDriftFault(DriftTarget.bucket("logs"), new PublicReadBucket()));
        assertThat(load("{instance: web, attachUnencryptedVolume: {sizeGiB: 8, device: /dev/sdg}}").faults())
                .containsExactly(new ConfigDriftFault(DriftTarget.instance("web"),
                        new AttachUnencryptedVolume(8, "/dev/sdg")));
        assertThat(load("{instance: web, device: /dev/sdf, detachVolume: true}").faults())
                .containsExactly(new ConfigDriftFault(DriftTarget.volume("web", "/dev/sdf"), new DetachVolume()));
        Scenario yaml = load("{instance: web, monitoring: basic}");
        assertThat(yaml.faults())
                .containsExactly(new ConfigDriftFault(DriftTarget.instance("web"), new InstanceMonitoring(false)));

        Scenario java = Scenarios.scenario("drift")
                .stack(s -> s.instance("web", i -> i.imageId("ami-0abcdef1234567890").tag("Owner", "team"))
                        .securityGroup("web", g -> g.name("web")))
                .fault(Faults.configDrift(DriftTarget.instance("web"), new InstanceMonitoring(false)))
                .expect(Duration.ofMinutes(15), Outcomes.instance("web").running())
                .build();
        assertThat(java.faults()).isEqualTo(yaml.faults());
    }

    @Test
    void oneResourceOneChangeAndOnlyWhereItApplies() {
        assertThat(problems("{instance: web, securityGroup: web, removeTag: Owner}"))
                .anyMatch(p -> p.contains("exactly one resource"));
        assertThat(problems("{instance: web}")).anyMatch(p -> p.contains("exactly one change"));
        assertThat(problems("{instance: web, removeTag: Owner, monitoring: basic}"))
                .anyMatch(p -> p.contains("exactly one change"));
        assertThat(problems("{securityGroup: web, monitoring: basic}"))
                .anyMatch(p -> p.contains("does not apply to securityGroup; it applies to instance"));
        assertThat(problems("{instance: web, publicRead: true}"))
                .anyMatch(p -> p.contains("does not apply to instance; it applies to bucket"));
        assertThat(problems("{bucket: logs, device: /dev/sdf, removeTag: Owner}"))
                .anyMatch(p -> p.contains("device picks a volume of an instance"));
        assertThat(problems("{instance: nope, removeTag: Owner}")).anyMatch(p -> p.contains("nope"));
        assertThat(problems("{instance: web, monitoring: off}")).anyMatch(p -> p.contains("'basic'"));
        assertThat(problems("{instance: web, detachVolume: true}"))
                .anyMatch(p -> p.contains("does not apply to instance; it applies to volume"));
        assertThat(problems("{instance: web, device: /dev/sdf, attachUnencryptedVolume: {sizeGiB: 8, device: /dev/sdg}}"))
                .anyMatch(p -> p.contains("does not apply to volume; it applies to instance"));
        assertThat(problems("{instance: web, attachUnencryptedVolume: {device: /dev/sdg}}"))
                .anyMatch(p -> p.contains("sizeGiB"));
        assertThat(problems("{instance: web, attachUnencryptedVolume: {sizeGiB: 0, device: /dev/sdg}}"))
                .anyMatch(p -> p.contains("1 to 16384"));
        assertThat(problems("{instance: web, attachUnencryptedVolume: {sizeGiB: 8}}"))
                .anyMatch(p -> p.contains("device"));
        assertThat(problems("{instance: web, device: /dev/sdf, detachVolume: false}"))
                .anyMatch(p -> p.contains("detachVolume is true"));
        assertThat(Scenarios.scenario("wrong").stack(s -> s.securityGroup("web", g -> g.name("web")))
                .fault(Faults.configDrift(DriftTarget.securityGroup("web"), new InstanceMonitoring(false)))
                .expect(Duration.ofMinutes(1), Outcomes.instance("web").running()))
                .satisfies(b -> assertThat(catchThrowableOfType(RuntimeException.class, b::build))
                        .hasMessageContaining("does not apply to securityGroup"));
    }

    @Test
    void aVolumeFoundByItsDeviceAndABucketDriftThroughTheApis() {
        try (EmbeddedCloud cloud = new EmbeddedCloud(false); CloudClients clients = new CloudClients(cloud)) {
            var ec2 = clients.ec2();
            String instance = ec2.runInstances(r -> r.imageId("ami-0abcdef1234567890").minCount(1).maxCount(1)
                    .blockDeviceMappings(b -> b.deviceName("/dev/sdf").ebs(e -> e.volumeSize(8))))
                    .instances().get(0).instanceId();
            String volume = ec2.describeVolumes(r -> r.filters(f -> f.name("attachment.device").values("/dev/sdf")))
                    .volumes().get(0).volumeId();
            ec2.createTags(r -> r.resources(volume).tags(t -> t.key("Owner").value("team"), t -> t.key("Name").value("data")));
            StackState state = new StackState();
            state.put(InstanceKind.KEY, "web", "id", instance);
            FaultContext run = context(cloud, clients, state);

            new ConfigDriftFault(DriftTarget.volume("web", "/dev/sdf"), new RemoveTag("Owner")).inject(run);
            assertThat(ec2.describeVolumes(r -> r.volumeIds(volume)).volumes().get(0).tags())
                    .extracting(Tag::key).containsExactly("Name");

            var s3 = clients.s3();
            s3.createBucket(r -> r.bucket("drift-logs"));
            s3.putBucketTagging(r -> r.bucket("drift-logs").tagging(t -> t.tagSet(
                    x -> x.key("Owner").value("team"), x -> x.key("Team").value("ops"))));
            new ConfigDriftFault(DriftTarget.bucket("drift-logs"), new RemoveTag("Owner")).inject(run);
            assertThat(s3.getBucketTagging(r -> r.bucket("drift-logs")).tagSet())
                    .extracting(software.amazon.awssdk.services.s3.model.Tag::key).containsExactly("Team");
            new ConfigDriftFault(DriftTarget.bucket("drift-logs"), new RemoveTag("Team")).inject(run);
            S3Exception none = catchThrowableOfType(S3Exception.class,
                    () -> s3.getBucketTagging(r -> r.bucket("drift-logs")));
            assertThat(none.awsErrorDetails().errorCode()).isEqualTo("NoSuchTagSet");

            new ConfigDriftFault(DriftTarget.bucket("drift-logs"), new PublicReadBucket()).inject(run);
            assertThat(s3.getBucketPolicy(r -> r.bucket("drift-logs")).policy())
                    .contains("\"Principal\":\"*\"", "s3:GetObject", "arn:aws:s3:::drift-logs/*");
        }
    }

    @Test
    void anUnencryptedVolumeIsAttachedThenDetachedThroughTheApis() {
        try (EmbeddedCloud cloud = new EmbeddedCloud(false); CloudClients clients = new CloudClients(cloud)) {
            var ec2 = clients.ec2();
            String instance = ec2.runInstances(r -> r.imageId("ami-0abcdef1234567890").minCount(1).maxCount(1))
                    .instances().get(0).instanceId();
            ec2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(instance));
            StackState state = new StackState();
            state.put(InstanceKind.KEY, "web", "id", instance);
            FaultContext run = context(cloud, clients, state);

            new ConfigDriftFault(DriftTarget.instance("web"), new AttachUnencryptedVolume(8, "/dev/sdg")).inject(run);
            var attached = ec2.describeVolumes(r -> r.filters(f -> f.name("attachment.device").values("/dev/sdg"),
                    f -> f.name("attachment.instance-id").values(instance))).volumes();
            assertThat(attached).singleElement().satisfies(v -> {
                assertThat(v.encrypted()).isFalse();
                assertThat(v.size()).isEqualTo(8);
                assertThat(v.stateAsString()).isEqualTo("in-use");
            });

            new ConfigDriftFault(DriftTarget.volume("web", "/dev/sdg"), new DetachVolume()).inject(run);
            var detached = ec2.describeVolumes(r -> r.volumeIds(attached.get(0).volumeId())).volumes().get(0);
            assertThat(detached.stateAsString()).isEqualTo("available");
            assertThat(detached.attachments()).isEmpty();
        }
    }

    private static FaultContext context(Cloud cloud, CloudClients clients, StackState state) {
        return new FaultContext() {
            @Override
            public CloudClients clients() {
                return clients;
            }

            @Override
            public Cloud cloud() {
                return cloud;
            }

            @Override
            public StackState state() {
                return state;
            }
        };
    }
}
