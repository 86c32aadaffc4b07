package io.selfheal.remediations;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/** The handler against WireMock standing in for EC2; WireMock's journal tells which Actions were called. */
class RebootOnHighCpuTest {

    @RegisterExtension
    static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String ID = "i-0123456789abcdef0";
    private static final String STATE_TS = "2026-01-01T11:59:00.123+0000";
    private static final String KEY = "EC2-CPU-High-webserver-prod@" + STATE_TS;
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final Ec2Stub ec2 = new Ec2Stub(WM);
    private final Ec2Client client = ec2.client();
    private final TestContext context = new TestContext("req-1");

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void rebootsARunningInstanceAndMarksIt() {
        ec2.instance(ID, "running", Map.of("Name", "webserver")).rebootSucceeds().createTagsSucceeds();

        Map<String, Object> result = handler(false).handleRequest(Events.transformed(ID, "ALARM", STATE_TS), context);

        assertThat(result).containsExactly(Map.entry("action", "rebooted"), Map.entry("instanceId", ID),
                Map.entry("reason", "rebooted for " + KEY));
        assertThat(ec2.actions()).containsExactly("DescribeInstances", "RebootInstances", "CreateTags");
        List<Map<String, String>> calls = ec2.calls();
        assertThat(calls.get(0)).containsEntry("InstanceId.1", ID);
        assertThat(calls.get(1)).containsEntry("InstanceId.1", ID).doesNotContainKey("DryRun");
        assertThat(calls.get(2)).containsEntry("ResourceId.1", ID)
                .containsEntry("Tag.1.Key", "selfheal:remediated-by").containsEntry("Tag.1.Value", KEY)
                .containsEntry("Tag.2.Key", "selfheal:remediated-at").containsEntry("Tag.2.Value", "2026-01-01T12:00:00Z");
        JsonNode last = logLines().get(logLines().size() - 1);
        assertThat(last.path("level").asText()).isEqualTo("INFO");
        assertThat(last.path("action").asText()).isEqualTo("rebooted");
        assertThat(last.path("instanceId").asText()).isEqualTo(ID);
        assertThat(last.path("alarmName").asText()).isEqualTo("EC2-CPU-High-webserver-prod");
    }

    @Test
    void redeliveriesOfTheSameTransitionRebootOnlyOnce() {
        ec2.instance(ID, "running", Map.of()).rebootSucceeds().createTagsSucceeds();
        RebootOnHighCpu handler = handler(false);
        Map<String, Object> event = Events.transformed(ID, "ALARM", STATE_TS);

        assertThat(handler.handleRequest(event, context)).containsEntry("action", "rebooted");
        // EC2 now shows the marker the first delivery wrote (the latest stub wins in WireMock).
        ec2.instance(ID, "running", Map.of(RemediationMarker.BY_TAG, KEY, RemediationMarker.AT_TAG, NOW.toString()));
        for (int redelivery = 0; redelivery < 3; redelivery++) {
            assertThat(handler.handleRequest(event, context)).containsEntry("action", "duplicate")
                    .containsEntry("reason", "duplicate: already remediated for " + KEY);
        }

        assertThat(ec2.actions()).containsExactly("DescribeInstances", "RebootInstances", "CreateTags",
                "DescribeInstances", "DescribeInstances", "DescribeInstances");
    }

    @Test
    void aDuplicateMakesOnlyTheDescribeCall() {
        ec2.instance(ID, "running", Map.of(RemediationMarker.BY_TAG, KEY)).rebootSucceeds().createTagsSucceeds();

        Map<String, Object> result = handler(false).handleRequest(Events.transformed(ID, "ALARM", STATE_TS), context);

        assertThat(result).containsEntry("action", "duplicate");
        assertThat(ec2.actions()).containsExactly("DescribeInstances");
        assertThat(logLines()).anySatisfy(l -> assertThat(l.path("reason").asText()).startsWith("duplicate"));
    }

    @Test
    void aNewTransitionOfTheSameAlarmRebootsAgain() {
        ec2.instance(ID, "running", Map.of(RemediationMarker.BY_TAG, "EC2-CPU-High-webserver-prod@2025-12-31T08:00:00.000+0000"))
                .rebootSucceeds().createTagsSucceeds();

        assertThat(handler(false).handleRequest(Events.transformed(ID, "ALARM", STATE_TS), context))
                .containsEntry("action", "rebooted");
        assertThat(ec2.actions()).containsExactly("DescribeInstances", "RebootInstances", "CreateTags");
    }

    @Test
    void dryRunAsksEc2AndChangesNothing() {
        ec2.instance(ID, "running", Map.of())
                .error("RebootInstances", 412, "DryRunOperation", "Request would have succeeded, but DryRun flag is set.")
                .createTagsSucceeds();

        Map<String, Object> result = handler(true).handleRequest(Events.transformed(ID, "ALARM", STATE_TS), context);

        assertThat(result).containsEntry("action", "dry-run").containsEntry("instanceId", ID);
        assertThat((String) result.get("reason")).startsWith("would reboot");
        assertThat(ec2.actions()).containsExactly("DescribeInstances", "RebootInstances");
        assertThat(ec2.calls().get(1)).containsEntry("DryRun", "true");
    }

    @Test
    void dryRunWithoutPermissionFails() {
        ec2.instance(ID, "running", Map.of())
                .error("RebootInstances", 403, "UnauthorizedOperation", "You are not authorized to perform this operation.");

        assertThatThrownBy(() -> handler(true).handleRequest(Events.transformed(ID, "ALARM", STATE_TS), context))
                .isInstanceOf(Ec2Exception.class)
                .hasMessageContaining("not authorized");
        assertThat(ec2.actions()).containsExactly("DescribeInstances", "RebootInstances");
    }

    @Test
    void anInstanceThatIsNotRunningIsSkipped() {
        ec2.instance(ID, "stopped", Map.of()).rebootSucceeds().createTagsSucceeds();

        Map<String, Object> result = handler(false).handleRequest(Events.transformed(ID, "ALARM", STATE_TS), context);

        assertThat(result).containsEntry("action", "skipped").containsEntry("reason", "instance is stopped, not running");
        assertThat(ec2.actions()).containsExactly("DescribeInstances");
    }

    @Test
    void anUnknownInstanceFailsClearly() {
        ec2.error("DescribeInstances", 400, "InvalidInstanceID.NotFound", "The instance ID '" + ID + "' does not exist")
                .rebootSucceeds().createTagsSucceeds();

        assertThatThrownBy(() -> handler(false).handleRequest(Events.transformed(ID, "ALARM", STATE_TS), context))
                .isInstanceOf(InstanceNotFoundException.class)
                .hasMessageContaining("EC2 instance " + ID + " not found")
                .hasMessageContaining("InvalidInstanceID.NotFound");
        assertThat(ec2.actions()).containsExactly("DescribeInstances");
        assertThat(logLines()).anySatisfy(l -> {
            assertThat(l.path("level").asText()).isEqualTo("ERROR");
            assertThat(l.path("errorType").asText()).endsWith("InstanceNotFoundException");
        });
    }

    @Test
    void anOkStateIsSkippedWithoutCallingEc2() {
        Map<String, Object> result = handler(false).handleRequest(Events.transformed(ID, "OK", STATE_TS), context);

        assertThat(result).containsEntry("action", "skipped").containsEntry("reason", "alarm state is OK, not ALARM");
        assertThat(ec2.actions()).isEmpty();
    }

    @Test
    void aMissingInstanceIdFailsTheInvocation() {
        assertThatThrownBy(() -> handler(false).handleRequest(Events.load("cloudwatch-alarm-state-change-composite.json"), context))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No EC2 instance id");
        assertThat(ec2.actions()).isEmpty();
        assertThat(logLines()).singleElement().satisfies(l -> {
            assertThat(l.path("level").asText()).isEqualTo("ERROR");
            assertThat(l.path("message").asText()).isEqualTo("input rejected");
        });
    }

    @Test
    void theRawEventWorksToo() {
        String rawId = "i-12345678901234567";
        ec2.instance(rawId, "running", Map.of()).rebootSucceeds().createTagsSucceeds();

        Map<String, Object> result = handler(false).handleRequest(Events.load("cloudwatch-alarm-state-change-metric.json"), context);

        assertThat(result).containsEntry("action", "rebooted").containsEntry("instanceId", rawId);
        assertThat(ec2.calls().get(2)).containsEntry("Tag.1.Value", "ServerCpuTooHigh@2019-10-02T17:04:40.989+0000");
    }

    @Test
    void withoutATransitionIdentityACooldownStandsIn() {
        ec2.instance(ID, "running", Map.of(RemediationMarker.AT_TAG, NOW.minusSeconds(60).toString()))
                .rebootSucceeds().createTagsSucceeds();

        Map<String, Object> result = handler(false).handleRequest(Map.of("instance_id", ID), context);

        assertThat(result).containsEntry("action", "skipped");
        assertThat((String) result.get("reason")).startsWith("cooldown");
        assertThat(ec2.actions()).containsExactly("DescribeInstances");
    }

    @Test
    void afterTheCooldownAnUnidentifiedAlarmRebootsAndKeepsTheLastKey() {
        ec2.instance(ID, "running", Map.of(RemediationMarker.AT_TAG, NOW.minusSeconds(301).toString()))
                .rebootSucceeds().createTagsSucceeds();

        assertThat(handler(false).handleRequest(Map.of("instance_id", ID), context)).containsEntry("action", "rebooted");
        assertThat(ec2.actions()).containsExactly("DescribeInstances", "RebootInstances", "CreateTags");
        assertThat(ec2.calls().get(2)).containsEntry("Tag.1.Key", RemediationMarker.AT_TAG).doesNotContainKey("Tag.2.Key");
    }

    @Test
    void aFailedMarkerWriteIsReportedButTheRebootStands() {
        ec2.instance(ID, "running", Map.of()).rebootSucceeds()
                .error("CreateTags", 403, "UnauthorizedOperation", "You are not authorized to perform this operation.");

        Map<String, Object> result = handler(false).handleRequest(Events.transformed(ID, "ALARM", STATE_TS), context);

        assertThat(result).containsEntry("action", "rebooted");
        assertThat((String) result.get("reason")).contains("remediation marker not written");
        assertThat(logLines()).anySatisfy(l -> assertThat(l.path("level").asText()).isEqualTo("ERROR"));
    }

    @Test
    void everyLogLineIsOneJsonObjectWithTheRequestId() {
        ec2.instance(ID, "running", Map.of()).rebootSucceeds().createTagsSucceeds();

        handler(false).handleRequest(Events.transformed(ID, "ALARM", STATE_TS), context);

        assertThat(context.lines).isNotEmpty().noneMatch(l -> l.contains("\n"));
        assertThat(logLines()).allSatisfy(l -> {
            assertThat(l.isObject()).isTrue();
            assertThat(l.path("level").asText()).isIn("INFO", "WARN", "ERROR");
            assertThat(l.path("message").asText()).isNotBlank();
            assertThat(l.path("requestId").asText()).isEqualTo("req-1");
        });
    }

    private RebootOnHighCpu handler(boolean dryRun) {
        return new RebootOnHighCpu(client, Clock.fixed(NOW, ZoneOffset.UTC), new Settings(dryRun, Duration.ofSeconds(300)));
    }

    private List<JsonNode> logLines() {
        return context.lines.stream().map(line -> {
            try {
                return Events.JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("log line is not JSON: " + line, e);
            }
        }).toList();
    }
}
