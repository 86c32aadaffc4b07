package io.selfheal.emulator.services.guardduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.control.GuardDutyControl;
import io.selfheal.emulator.control.GuardDutyControl.FindingInjection;
import io.selfheal.emulator.messages.ServiceEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.FindingPublishingFrequency;

/**
 * A threat injected for a real instance becomes a finding about that instance as EC2 describes it, published as
 * GuardDuty publishes: new findings at once, recurrences with the detector's FindingPublishingFrequency
 * (https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings_eventbridge.html, "Understanding how
 * GuardDuty exports findings to EventBridge": updates to an existing finding follow the frequency).
 */
class GuardDutyInjectionTest {
    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.virtualTime(START).recording(ServiceEvent.class)
            .resetBeforeEach();

    @Test
    void aNewFindingDescribesTheLiveInstanceAndIsPublishedAtOnce(Ec2Client ec2, GuardDutyClient gd) {
        String web = ec2.createSecurityGroup(b -> b.groupName("web").description("web")).groupId();
        String instanceId = ec2.runInstances(b -> b.imageId("ami-12345678").instanceType("t3.small").minCount(1)
                .maxCount(1).securityGroupIds(web)
                .tagSpecifications(t -> t.resourceType("instance").tags(g -> g.key("Name").value("web-1"))))
                .instances().get(0).instanceId();
        AWS.advance(Duration.ofMinutes(1));
        Instance live = ec2.describeInstances(b -> b.instanceIds(instanceId)).reservations().get(0).instances()
                .get(0);
        String detectorId = gd.createDetector(b -> b.enable(true)).detectorId();

        GuardDutyControl.InjectedFinding injected = control().inject(new FindingInjection(AWS.emulator().accountId(),
                AWS.emulator().region(), instanceId, "Backdoor:EC2/C&CActivity.B", 8.5));

        assertThat(injected.detectorId()).isEqualTo(detectorId);
        assertThat(injected.count()).isEqualTo(1);
        List<ServiceEvent> events = guardDutyEvents();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.detailType()).isEqualTo("GuardDuty Finding");
            assertThat(e.resources()).isEmpty();
            JsonNode f = e.detail();
            assertThat(f.path("id").asText()).isEqualTo(injected.findingId());
            assertThat(f.path("arn").asText()).isEqualTo("arn:aws:guardduty:" + AWS.emulator().region() + ":"
                    + AWS.emulator().accountId() + ":detector/" + detectorId + "/finding/" + injected.findingId());
            assertThat(f.path("type").asText()).isEqualTo("Backdoor:EC2/C&CActivity.B");
            assertThat(f.path("severity").asDouble()).isEqualTo(8.5);
            assertThat(f.path("title").asText()).contains(instanceId);
            JsonNode details = f.path("resource").path("instanceDetails");
            assertThat(details.path("instanceId").asText()).isEqualTo(instanceId);
            assertThat(details.path("instanceType").asText()).isEqualTo("t3.small");
            assertThat(details.path("imageId").asText()).isEqualTo("ami-12345678");
            assertThat(details.path("instanceState").asText()).isEqualTo("running");
            assertThat(details.path("tags").get(0).path("key").asText()).isEqualTo("Name");
            JsonNode eni = details.path("networkInterfaces").get(0);
            assertThat(eni.path("networkInterfaceId").asText())
                    .isEqualTo(live.networkInterfaces().get(0).networkInterfaceId());
            assertThat(eni.path("privateIpAddress").asText()).isEqualTo(live.privateIpAddress());
            assertThat(eni.path("subnetId").asText()).isEqualTo(live.subnetId());
            assertThat(eni.path("vpcId").asText()).isEqualTo(live.vpcId());
            assertThat(eni.path("securityGroups").get(0).path("groupId").asText()).isEqualTo(web);
            JsonNode action = f.path("service").path("action");
            assertThat(action.path("actionType").asText()).isEqualTo("NETWORK_CONNECTION");
            assertThat(action.path("networkConnectionAction").path("connectionDirection").asText())
                    .isEqualTo("OUTBOUND");
            assertThat(f.path("service").path("count").asInt()).isEqualTo(1);
            assertThat(f.path("service").path("archived").asBoolean()).isFalse();
            assertThat(f.path("service").path("additionalInfo").has("sample")).isFalse();
        });
    }

    @Test
    void aRecurrenceJoinsTheFindingAndGoesOutWithTheNextWindow(Ec2Client ec2, GuardDutyClient gd) {
        String instanceId = instance(ec2);
        gd.createDetector(b -> b.enable(true).findingPublishingFrequency(FindingPublishingFrequency.FIFTEEN_MINUTES));
        FindingInjection threat = new FindingInjection(AWS.emulator().accountId(), AWS.emulator().region(),
                instanceId, "Backdoor:EC2/C&CActivity.B!DNS", null);
        Instant created = AWS.clock().now();
        String first = control().inject(threat).findingId();

        AWS.advance(Duration.ofMinutes(5));
        GuardDutyControl.InjectedFinding again = control().inject(threat);
        assertThat(again.findingId()).isEqualTo(first);
        assertThat(again.count()).isEqualTo(2);
        assertThat(guardDutyEvents()).hasSize(1);

        AWS.advance(Duration.ofMinutes(9));
        assertThat(guardDutyEvents()).hasSize(1);
        AWS.advance(Duration.ofMinutes(1));
        assertThat(guardDutyEvents()).hasSize(2);
        JsonNode update = guardDutyEvents().get(1).detail();
        assertThat(update.path("id").asText()).isEqualTo(first);
        assertThat(update.path("service").path("count").asInt()).isEqualTo(2);
        String recurred = Finding.timestamp(created.plus(Duration.ofMinutes(5)));
        assertThat(update.path("service").path("eventLastSeen").asText()).isEqualTo(recurred);
        assertThat(update.path("updatedAt").asText()).isEqualTo(recurred);
        assertThat(update.path("createdAt").asText()).isEqualTo(Finding.timestamp(created));
        assertThat(update.path("service").path("eventFirstSeen").asText()).isEqualTo(Finding.timestamp(created));

        AWS.advance(Duration.ofHours(1));
        assertThat(guardDutyEvents()).as("nothing new, nothing sent").hasSize(2);
    }

    @Test
    void injectionNeedsAnEnabledDetectorAndAKnownInstance(Ec2Client ec2, GuardDutyClient gd) {
        String instanceId = instance(ec2);
        String account = AWS.emulator().accountId();
        String region = AWS.emulator().region();

        assertThatThrownBy(() -> control().inject(new FindingInjection(account, region, instanceId,
                "Backdoor:EC2/C&CActivity.B", 8.0))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no enabled GuardDuty detector");
        gd.createDetector(b -> b.enable(true));
        assertThatThrownBy(() -> control().inject(new FindingInjection(account, region, "i-0000000000000dead",
                "Backdoor:EC2/C&CActivity.B", 8.0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EC2 knows no instance");
        assertThatThrownBy(() -> control().inject(new FindingInjection(account, region, instanceId,
                "Backdoor:EC2/NoSuchThing", 8.0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported finding type");
        assertThatThrownBy(() -> control().inject(new FindingInjection(account, region, instanceId,
                "Backdoor:EC2/C&CActivity.B", 11.0))).isInstanceOf(IllegalArgumentException.class);
        assertThat(guardDutyEvents()).isEmpty();
    }

    static String instance(Ec2Client ec2) {
        String id = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)).instances().get(0)
                .instanceId();
        AWS.advance(Duration.ofMinutes(1));
        return id;
    }

    static GuardDutyControl control() {
        return AWS.emulator().control().guardDuty();
    }

    /** After the bus has delivered what is in flight (subscribers run off the publishing thread). */
    static List<ServiceEvent> guardDutyEvents() {
        return guardDutyEvents(AWS);
    }

    static List<ServiceEvent> guardDutyEvents(EmulatorExtension aws) {
        assertThat(aws.emulator().control().awaitIdle(Duration.ofSeconds(10))).isTrue();
        return aws.bus().published(ServiceEvent.class).stream().filter(e -> e.detailType().equals("GuardDuty Finding"))
                .toList();
    }
}
