package io.selfheal.emulator.services.ec2;

import static io.selfheal.emulator.services.ec2.Ec2InstancesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.selfheal.emulator.EmulatorExtension;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * Launch templates through the SDK: versions, {@code $Latest}/{@code $Default}, the default version, RunInstances from
 * a template with the request's values overriding the template's
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html, {@code LaunchTemplate}) and the
 * {@code aws:ec2launchtemplate:*} tags, and EC2's error codes
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html).
 */
class Ec2LaunchTemplatesTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().resetBeforeEach();

    private static LaunchTemplate webTemplate(Ec2Client ec2) {
        String group = ec2.createSecurityGroup(b -> b.groupName("web").description("web")).groupId();
        return ec2.createLaunchTemplate(b -> b.launchTemplateName("web-template").versionDescription("first")
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.LAUNCH_TEMPLATE)
                        .tags(tag("team", "web")).build())
                .launchTemplateData(d -> d.imageId("ami-0abcdef1234567890").instanceType("t3.micro")
                        .securityGroupIds(group).iamInstanceProfile(p -> p.name("web-profile"))
                        .tagSpecifications(LaunchTemplateTagSpecificationRequest.builder()
                                .resourceType(ResourceType.INSTANCE).tags(tag("Name", "web"), tag("tier", "front"))
                                .build()))).launchTemplate();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static Instance describe(Ec2Client ec2, String id) {
        return ec2.describeInstances(b -> b.instanceIds(id)).reservations().get(0).instances().get(0);
    }

    private static Map<String, String> tags(Instance i) {
        return i.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }

    @Test
    void aTemplateHasNumberedVersionsAndADefault(Ec2Client ec2) {
        LaunchTemplate t = webTemplate(ec2);
        assertThat(t.launchTemplateId()).matches("lt-[0-9a-f]{17}");
        assertThat(t.defaultVersionNumber()).isEqualTo(1);
        assertThat(t.latestVersionNumber()).isEqualTo(1);
        assertThat(t.createdBy()).startsWith("arn:aws:iam::");
        assertThat(t.tags()).extracting(Tag::key, Tag::value).containsExactly(tuple("team", "web"));

        LaunchTemplateVersion v2 = ec2.createLaunchTemplateVersion(b -> b.launchTemplateId(t.launchTemplateId())
                .sourceVersion("1").versionDescription("bigger").launchTemplateData(d -> d.instanceType("m5.large")))
                .launchTemplateVersion();
        assertThat(v2.versionNumber()).isEqualTo(2);
        assertThat(v2.defaultVersion()).isFalse();
        assertThat(v2.launchTemplateData().instanceTypeAsString()).isEqualTo("m5.large");
        assertThat(v2.launchTemplateData().imageId()).as("inherited from the source version")
                .isEqualTo("ami-0abcdef1234567890");
        assertThat(v2.launchTemplateData().iamInstanceProfile().name()).isEqualTo("web-profile");
        assertThat(v2.launchTemplateData().securityGroupIds()).hasSize(1);
        assertThat(v2.launchTemplateData().tagSpecifications()).singleElement().satisfies(s -> {
            assertThat(s.resourceTypeAsString()).isEqualTo("instance");
            assertThat(s.tags()).extracting(Tag::key).containsExactly("Name", "tier");
        });
        // without a source version, a version holds only what it is given
        assertThat(ec2.createLaunchTemplateVersion(b -> b.launchTemplateName("web-template")
                .launchTemplateData(d -> d.instanceType("c5.large"))).launchTemplateVersion()
                .launchTemplateData().imageId()).isNull();

        assertThat(ec2.describeLaunchTemplateVersions(b -> b.launchTemplateId(t.launchTemplateId())
                .versions("$Latest", "$Default")).launchTemplateVersions())
                .extracting(LaunchTemplateVersion::versionNumber).containsExactly(3L, 1L);
        assertThat(ec2.describeLaunchTemplateVersions(b -> b.launchTemplateName("web-template").minVersion("2"))
                .launchTemplateVersions()).extracting(LaunchTemplateVersion::versionNumber).containsExactly(2L, 3L);

        LaunchTemplate modified = ec2.modifyLaunchTemplate(b -> b.launchTemplateId(t.launchTemplateId())
                .defaultVersion("2")).launchTemplate();
        assertThat(modified.defaultVersionNumber()).isEqualTo(2);
        assertThat(ec2.describeLaunchTemplates(b -> b.launchTemplateNames("web-template")).launchTemplates())
                .singleElement().satisfies(d -> {
                    assertThat(d.defaultVersionNumber()).isEqualTo(2);
                    assertThat(d.latestVersionNumber()).isEqualTo(3);
                });
        assertThat(ec2.describeLaunchTemplateVersions(b -> b.versions("$Default")).launchTemplateVersions())
                .singleElement().satisfies(v -> assertThat(v.versionNumber()).isEqualTo(2));
        assertThat(ec2.describeLaunchTemplates(b -> b.filters(f -> f.name("tag:team").values("web")))
                .launchTemplates()).hasSize(1);

        assertThat(ec2.deleteLaunchTemplate(b -> b.launchTemplateName("web-template")).launchTemplate()
                .launchTemplateId()).isEqualTo(t.launchTemplateId());
        assertThat(ec2.describeLaunchTemplates(b -> { }).launchTemplates()).isEmpty();
    }

    @Test
    void runInstancesTakesTheTemplatesValuesUnlessTheRequestGivesItsOwn(Ec2Client ec2) {
        LaunchTemplate t = webTemplate(ec2);
        ec2.createLaunchTemplateVersion(b -> b.launchTemplateId(t.launchTemplateId()).sourceVersion("1")
                .launchTemplateData(d -> d.instanceType("m5.large")));

        Instance byDefault = ec2.runInstances(b -> b.minCount(1).maxCount(1)
                .launchTemplate(l -> l.launchTemplateId(t.launchTemplateId()))).instances().get(0);
        Instance described = describe(ec2, byDefault.instanceId());
        assertThat(described.imageId()).isEqualTo("ami-0abcdef1234567890");
        assertThat(described.instanceTypeAsString()).as("the default version, 1").isEqualTo("t3.micro");
        assertThat(described.securityGroups()).extracting(g -> g.groupName()).containsExactly("web");
        assertThat(described.iamInstanceProfile().arn()).endsWith(":instance-profile/web-profile");
        assertThat(tags(described)).containsEntry("Name", "web").containsEntry("tier", "front")
                .containsEntry("aws:ec2launchtemplate:id", t.launchTemplateId())
                .containsEntry("aws:ec2launchtemplate:version", "1");

        Instance overridden = ec2.runInstances(b -> b.minCount(1).maxCount(1).instanceType("c5.xlarge")
                .launchTemplate(l -> l.launchTemplateName("web-template").version("$Latest"))
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                        .tags(tag("Name", "canary")).build())).instances().get(0);
        Instance second = describe(ec2, overridden.instanceId());
        assertThat(second.instanceTypeAsString()).as("the request's type wins").isEqualTo("c5.xlarge");
        assertThat(tags(second)).as("tags merged, the request's value winning a key")
                .containsEntry("Name", "canary").containsEntry("tier", "front")
                .containsEntry("aws:ec2launchtemplate:version", "2");
    }

    @Test
    void mistakesAnswerEc2sErrorCodes(Ec2Client ec2) {
        LaunchTemplate t = webTemplate(ec2);
        assertError(() -> webTemplate(ec2), "InvalidGroup.Duplicate");
        assertError(() -> ec2.createLaunchTemplate(b -> b.launchTemplateName("web-template")
                .launchTemplateData(d -> d.imageId("ami-12345678"))), "InvalidLaunchTemplateName.AlreadyExistsException");
        assertError(() -> ec2.createLaunchTemplate(b -> b.launchTemplateName("no spaces allowed")
                .launchTemplateData(d -> d.imageId("ami-12345678"))), "InvalidLaunchTemplateName.MalformedException");
        assertError(() -> ec2.createLaunchTemplate(b -> b.launchTemplateName("empty")
                .launchTemplateData(d -> { })), "MissingParameter");
        assertError(() -> ec2.describeLaunchTemplates(b -> b.launchTemplateIds("lt-0123456789abcdef0")),
                "InvalidLaunchTemplateId.NotFound");
        assertError(() -> ec2.describeLaunchTemplates(b -> b.launchTemplateIds("template-1")),
                "InvalidLaunchTemplateId.Malformed");
        assertError(() -> ec2.deleteLaunchTemplate(b -> b.launchTemplateName("nothing-here")),
                "InvalidLaunchTemplateName.NotFoundException");
        assertError(() -> ec2.modifyLaunchTemplate(b -> b.launchTemplateId(t.launchTemplateId())
                .defaultVersion("7")), "InvalidLaunchTemplateId.VersionNotFound");
        assertError(() -> ec2.createLaunchTemplateVersion(b -> b.launchTemplateId(t.launchTemplateId())
                .launchTemplateName("web-template").launchTemplateData(d -> d.instanceType("m5.large"))),
                "InvalidParameterCombination");
        assertError(() -> ec2.runInstances(b -> b.minCount(1).maxCount(1)
                .launchTemplate(l -> l.launchTemplateId(t.launchTemplateId()).version("$Newest"))),
                "InvalidLaunchTemplateId.VersionNotFound");
        assertError(() -> ec2.modifyLaunchTemplate(b -> b.launchTemplateId(t.launchTemplateId())
                .defaultVersion("1").dryRun(true)), "DryRunOperation");
        // a template without an image cannot launch without the request giving one
        ec2.createLaunchTemplate(b -> b.launchTemplateName("no-image").launchTemplateData(d -> d.instanceType("t3.nano")));
        assertError(() -> ec2.runInstances(b -> b.minCount(1).maxCount(1)
                .launchTemplate(l -> l.launchTemplateName("no-image"))), "MissingParameter");
    }
}
