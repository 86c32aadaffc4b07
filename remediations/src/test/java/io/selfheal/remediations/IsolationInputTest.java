package io.selfheal.remediations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * What IsolateCompromisedInstance reads from a "GuardDuty Finding" event (AWS's sample, events/ — format:
 * https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings-format.html) and from its environment.
 */
class IsolationInputTest {

    private static final String EVENT = "guardduty-finding-backdoor-ec2-ccactivity-b.json";

    @Test
    void readsTheFindingOfAwsSampleEvent() {
        GuardDutyFinding f = GuardDutyFinding.from(Events.load(EVENT));

        assertThat(f).isEqualTo(new GuardDutyFinding("16afba5c5c43e07c9e3e5e2e544e95df", "Backdoor:EC2/C&CActivity.B",
                8.0, "i-05746eb48123455e0", false, false));
    }

    @Test
    void sampleAndArchivedMarkersAreRead() {
        Map<String, Object> event = Events.load(EVENT);
        Map<String, Object> service = Events.child(event, "detail", "service");
        service.put("archived", true);
        Map<String, Object> info = new HashMap<>();
        info.put("sample", true);
        service.put("additionalInfo", info);

        GuardDutyFinding f = GuardDutyFinding.from(event);

        assertThat(f.sample()).isTrue();
        assertThat(f.archived()).isTrue();
    }

    @Test
    void otherEventsAndNonInstanceFindingsAreNotInstanceFindings() {
        assertThat(GuardDutyFinding.from(Events.load("cloudwatch-alarm-state-change-metric.json"))).isNull();
        assertThat(GuardDutyFinding.from(null)).isNull();
        Map<String, Object> event = Events.load(EVENT);
        Events.child(event, "detail", "resource").put("resourceType", "AccessKey");
        assertThat(GuardDutyFinding.from(event).instanceId()).isNull();
    }

    @Test
    void settingsDefaultToHighSeverityAndTheInstanceThreatTypes() {
        IsolationSettings s = IsolationSettings.fromEnvironment(Map.of());

        assertThat(s.minSeverity()).isEqualTo(7.0);
        assertThat(s.findingTypes()).contains("Backdoor:EC2/C&CActivity.B", "Backdoor:EC2/C&CActivity.B!DNS")
                .doesNotContain("Recon:EC2/PortProbeUnprotectedPort");
        assertThat(s.dryRun()).isFalse();
        assertThat(s.breakTracking()).isTrue();
        assertThat(s.topicArn()).isNull();
    }

    @Test
    void settingsAreReadAndABadSeverityFailsAtStart() {
        IsolationSettings s = IsolationSettings.fromEnvironment(Map.of("MIN_SEVERITY", "5", "FINDING_TYPES",
                " A , B ", "DRY_RUN", "true", "SECURITY_TEAM_CIDR", "10.9.0.0/24", "NOTIFY_TOPIC_ARN", " ",
                "BREAK_TRACKED_CONNECTIONS", "false"));

        assertThat(s).isEqualTo(new IsolationSettings(5.0, java.util.Set.of("A", "B"), "10.9.0.0/24", null, true,
                false));
        assertThatThrownBy(() -> IsolationSettings.fromEnvironment(Map.of("MIN_SEVERITY", "high")))
                .hasMessageContaining("MIN_SEVERITY");
    }
}
