package io.selfheal.emulator.services.cloudwatch;

import static io.selfheal.emulator.services.cloudwatch.AlarmCloud.arn;
import static io.selfheal.emulator.services.cloudwatch.AlarmCloud.cpuAbove90;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.ServiceEvent;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * Composite alarms through the SDK, as the API reference (PutCompositeAlarm, DescribeAlarms, DeleteAlarms,
 * SetAlarmState) and the User Guide ("Creating a composite alarm", "Alarm events and EventBridge") describe them.
 */
class CloudWatchCompositeAlarmsTest {
    @RegisterExtension
    static final EmulatorExtension AWS = AlarmCloud.extension().perTest();

    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:ops";

    private AlarmCloud cloud;

    @BeforeEach
    void start() {
        cloud = new AlarmCloud(AWS);
        for (String child : List.of("cpu", "net", "deploying")) {
            cloud.cw.putMetricAlarm(cpuAbove90(child, 1).build());
            set(child, StateValue.OK);
        }
    }

    @Test
    void aNewCompositeIsEvaluatedAtOnceAndFollowsItsChildren() {
        cloud.cw.putCompositeAlarm(b -> b.alarmName("service").alarmRule("ALARM(cpu) OR ALARM(\"net\")")
                .alarmDescription("service degraded").alarmActions(TOPIC));
        CompositeAlarm created = composite("service");
        assertThat(created.alarmArn()).isEqualTo(arn("service"));
        assertThat(created.alarmRule()).isEqualTo("ALARM(cpu) OR ALARM(\"net\")");
        assertThat(created.alarmDescription()).isEqualTo("service degraded");
        assertThat(created.actionsEnabled()).isTrue();
        assertThat(created.alarmActions()).containsExactly(TOPIC);
        assertThat(created.stateValue()).isEqualTo(StateValue.OK);
        assertThat(created.stateReason())
                .isEqualTo(arn("service") + " was created and its alarm rule evaluates to OK");
        assertThat(cloud.targets.published).isEmpty(); // no OK actions configured

        set("net", StateValue.ALARM);
        CompositeAlarm alarmed = composite("service");
        assertThat(alarmed.stateValue()).isEqualTo(StateValue.ALARM);
        // "<child ARN> transitioned to ALARM at Friday 22 July, 2022 15:57:45 UTC", as in the guide's sample.
        assertThat(alarmed.stateReason()).isEqualTo(arn("net") + " transitioned to ALARM at Thursday 1 January, "
                + "2026 00:00:00 UTC");
        JsonNode triggering = parse(alarmed.stateReasonData()).get("triggeringAlarms");
        assertThat(triggering).hasSize(1);
        assertThat(triggering.get(0).get("arn").asText()).isEqualTo(arn("net"));
        assertThat(triggering.get(0).get("state").get("value").asText()).isEqualTo("ALARM");
        assertThat(cloud.targets.published).hasSize(1);
        JsonNode message = parse(cloud.targets.published.get(0).message());
        assertThat(message.get("AlarmRule").asText()).isEqualTo("ALARM(cpu) OR ALARM(\"net\")");
        assertThat(message.get("NewStateValue").asText()).isEqualTo("ALARM");
        assertThat(cloud.targets.published.get(0).subject()).isEqualTo("ALARM: \"service\" in US East (N. Virginia)");

        set("net", StateValue.OK);
        assertThat(composite("service").stateValue()).isEqualTo(StateValue.OK);
    }

    @Test
    void theRuleGrammarHasAndOrNotParenthesesConstantsArnsAndEveryStateFunction() {
        cloud.cw.putMetricAlarm(cpuAbove90("fresh", 1).build()); // stays INSUFFICIENT_DATA
        rule("both", "ALARM(cpu) AND ALARM(net)");
        rule("cpuNotDeploying", "ALARM(cpu) AND NOT ALARM(deploying)");
        rule("grouped", "(ALARM(cpu) OR ALARM(net)) AND NOT (ALARM(deploying) OR FALSE)");
        rule("byArn", "ALARM(" + arn("cpu") + ")");
        rule("okAndInsufficient", "OK(cpu) AND INSUFFICIENT_DATA(fresh)");
        rule("always", "TRUE");
        rule("never", "false");
        assertThat(states("both", "cpuNotDeploying", "grouped", "byArn", "okAndInsufficient", "always", "never"))
                .containsExactly("OK", "OK", "OK", "OK", "ALARM", "ALARM", "OK");

        set("cpu", StateValue.ALARM);
        assertThat(states("both", "cpuNotDeploying", "grouped", "byArn", "okAndInsufficient"))
                .containsExactly("OK", "ALARM", "ALARM", "ALARM", "OK");
        set("deploying", StateValue.ALARM);
        set("net", StateValue.ALARM);
        assertThat(states("both", "cpuNotDeploying", "grouped")).containsExactly("ALARM", "OK", "OK");
    }

    @Test
    void aRuleThatDoesNotParseOrNamesAMissingAlarmIsAValidationError() {
        assertError(() -> rule("x", "ALARM(cpu) OR ALARM(nope)"), "ValidationError",
                "Could not save the composite alarm as alarms [nope] in the alarm rule do not exist");
        assertError(() -> rule("x", "ALARM(cpu) AND"), "ValidationError", "Syntax error in AlarmRule");
        assertError(() -> rule("x", "ALARM(cpu"), "ValidationError", "Syntax error in AlarmRule");
        assertError(() -> rule("x", "CPU(cpu)"), "ValidationError", "Syntax error in AlarmRule");
        assertError(() -> rule("x", "TRUE " + "OR TRUE ".repeat(1300)), "ValidationError",
                "Member must have length less than or equal to 10240");
        assertError(() -> cloud.cw.putCompositeAlarm(b -> b.alarmName("x")), "MissingParameter", "AlarmRule");
        assertError(() -> rule("cpu", "TRUE"), "ValidationError", "already exists as a metric alarm");
        assertError(() -> cloud.cw.putCompositeAlarm(b -> b.alarmName("x").alarmRule("TRUE")
                .alarmActions("arn:aws:automate:us-east-1:ec2:stop")), "ValidationError", "EC2 action");
        assertThat(cloud.cw.describeAlarms(b -> b.alarmTypes(AlarmType.COMPOSITE_ALARM)).compositeAlarms())
                .isEmpty();
    }

    @Test
    void describeAlarmsListsCompositesOnlyWhenAskedAndKnowsChildrenAndParents() {
        rule("service", "ALARM(cpu) OR ALARM(net)");
        rule("top", "ALARM(service) AND NOT ALARM(deploying)");
        assertThat(cloud.cw.describeAlarms(b -> b.alarmNamePrefix("s")).compositeAlarms()).isEmpty();
        DescribeAlarmsResponse both = cloud.cw.describeAlarms(b -> b.alarmTypes(AlarmType.COMPOSITE_ALARM,
                AlarmType.METRIC_ALARM));
        assertThat(both.compositeAlarms()).extracting(CompositeAlarm::alarmName).containsExactly("service", "top");
        assertThat(both.metricAlarms()).extracting(MetricAlarm::alarmName).containsExactly("cpu", "deploying", "net");
        DescribeAlarmsResponse page = cloud.cw.describeAlarms(b -> b.alarmTypes(AlarmType.COMPOSITE_ALARM,
                AlarmType.METRIC_ALARM).maxRecords(4));
        assertThat(page.metricAlarms()).hasSize(3);
        assertThat(page.compositeAlarms()).extracting(CompositeAlarm::alarmName).containsExactly("service");
        assertThat(cloud.cw.describeAlarms(b -> b.alarmTypes(AlarmType.COMPOSITE_ALARM).nextToken(page.nextToken()))
                .compositeAlarms()).extracting(CompositeAlarm::alarmName).containsExactly("top");

        DescribeAlarmsResponse children = cloud.cw.describeAlarms(b -> b.childrenOfAlarmName("top"));
        assertThat(children.compositeAlarms()).extracting(CompositeAlarm::alarmName).containsExactly("service");
        assertThat(children.compositeAlarms().get(0).alarmRule()).isNull(); // only name, ARN, state, timestamp
        assertThat(children.metricAlarms()).extracting(MetricAlarm::alarmName).containsExactly("deploying");
        assertThat(cloud.cw.describeAlarms(b -> b.parentsOfAlarmName("cpu")).compositeAlarms())
                .extracting(CompositeAlarm::alarmName).containsExactly("service");
        assertError(() -> cloud.cw.describeAlarms(b -> b.parentsOfAlarmName("cpu").alarmNamePrefix("x")),
                "ValidationError", "MaxRecords and NextToken");

        set("cpu", StateValue.ALARM); // cpu -> service -> top, one evaluation path
        assertThat(states("service", "top")).containsExactly("ALARM", "ALARM");
        assertThat(composite("top").stateReason()).startsWith(arn("service") + " transitioned to ALARM at ");
    }

    @Test
    void aReferencedAlarmCannotBeDeletedAndAtMostOneCompositeGoesPerCall() {
        rule("service", "ALARM(cpu) OR ALARM(net)");
        rule("other", "ALARM(net)");
        assertError(() -> cloud.cw.deleteAlarms(b -> b.alarmNames("cpu")), "ValidationError",
                "Cannot delete cpu as there are composite alarm(s) depending on it.");
        assertError(() -> cloud.cw.deleteAlarms(b -> b.alarmNames("cpu", "net")), "ValidationError",
                "Cannot delete cpu,net as there are composite alarm(s) depending on them.");
        assertError(() -> cloud.cw.deleteAlarms(b -> b.alarmNames("service", "other")), "ValidationError",
                "at most one composite alarm");
        assertThat(cloud.describe("cpu").alarmName()).isEqualTo("cpu");
        cloud.cw.deleteAlarms(b -> b.alarmNames("service", "cpu"));
        assertThat(cloud.cw.describeAlarms(b -> b.alarmNames("service", "cpu")
                .alarmTypes(AlarmType.COMPOSITE_ALARM, AlarmType.METRIC_ALARM)).compositeAlarms()).isEmpty();
        List<AlarmHistoryItem> history = cloud.cw.describeAlarmHistory(b -> b.alarmName("service")
                .alarmTypes(AlarmType.COMPOSITE_ALARM).historyItemType(HistoryItemType.CONFIGURATION_UPDATE)
                .scanBy("TimestampAscending")).alarmHistoryItems();
        assertThat(history).extracting(AlarmHistoryItem::historySummary)
                .containsExactly("Alarm \"service\" created", "Alarm \"service\" deleted");
        assertThat(history.get(0).alarmTypeAsString()).isEqualTo("CompositeAlarm");
    }

    @Test
    void setAlarmStateOnACompositeRunsItsActionsAndItsHistoryAndEventsAreComposite() {
        cloud.cw.putCompositeAlarm(b -> b.alarmName("service").alarmRule("ALARM(cpu)").alarmActions(TOPIC));
        cloud.cw.setAlarmState(b -> b.alarmName("service").stateValue(StateValue.ALARM).stateReason("drill"));
        assertThat(composite("service").stateReason()).isEqualTo("drill");
        assertThat(cloud.targets.published).hasSize(1);
        List<AlarmHistoryItem> history = cloud.cw.describeAlarmHistory(b -> b.alarmName("service")
                .alarmTypes(AlarmType.COMPOSITE_ALARM).scanBy("TimestampAscending")).alarmHistoryItems();
        assertThat(history).extracting(AlarmHistoryItem::historySummary).containsExactly(
                "Alarm \"service\" created", "Alarm updated from INSUFFICIENT_DATA to OK",
                "Alarm updated from OK to ALARM", "Successfully executed action " + TOPIC);
        // Metric-alarm history alone (the default AlarmTypes) shows none of it.
        assertThat(cloud.cw.describeAlarmHistory(b -> b.alarmName("service")).alarmHistoryItems()).isEmpty();

        List<ServiceEvent> events = await().until(() -> cloud.events.about(arn("service")), e -> e.size() == 2);
        JsonNode detail = events.get(1).detail();
        assertThat(events.get(1).detailType()).isEqualTo("CloudWatch Alarm State Change");
        assertThat(detail.get("configuration").get("alarmRule").asText()).isEqualTo("ALARM(cpu)");
        assertThat(detail.get("configuration").has("metrics")).isFalse();
        assertThat(detail.get("previousState").get("value").asText()).isEqualTo("OK");
        assertThat(detail.get("state").get("value").asText()).isEqualTo("ALARM");
        assertThat(detail.get("state").get("reason").asText()).isEqualTo("drill");
    }

    @Test
    void anAlarmingSuppressorSuppressesTheCompositesActions() {
        cloud.cw.putCompositeAlarm(b -> b.alarmName("service").alarmRule("ALARM(cpu)").alarmActions(TOPIC)
                .actionsSuppressor("deploying").actionsSuppressorWaitPeriod(120)
                .actionsSuppressorExtensionPeriod(180));
        set("deploying", StateValue.ALARM);
        set("cpu", StateValue.ALARM);
        CompositeAlarm c = composite("service");
        assertThat(c.stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(c.actionsSuppressor()).isEqualTo("deploying");
        assertThat(c.actionsSuppressorWaitPeriod()).isEqualTo(120);
        assertThat(c.actionsSuppressorExtensionPeriod()).isEqualTo(180);
        assertThat(c.actionsSuppressedByAsString()).isEqualTo("Alarm");
        assertThat(c.actionsSuppressedReason()).isEqualTo("Actions suppressed by Alarm");
        assertThat(cloud.targets.published).isEmpty();

        set("cpu", StateValue.OK);
        set("deploying", StateValue.OK);
        set("cpu", StateValue.ALARM);
        assertThat(composite("service").actionsSuppressedBy()).isNull();
        assertThat(cloud.targets.published).hasSize(1);
    }

    private void rule(String name, String rule) {
        cloud.cw.putCompositeAlarm(b -> b.alarmName(name).alarmRule(rule));
    }

    private void set(String name, StateValue value) {
        cloud.cw.setAlarmState(b -> b.alarmName(name).stateValue(value).stateReason("test"));
    }

    private CompositeAlarm composite(String name) {
        return cloud.cw.describeAlarms(b -> b.alarmNames(name).alarmTypes(AlarmType.COMPOSITE_ALARM))
                .compositeAlarms().get(0);
    }

    private List<String> states(String... names) {
        return java.util.Arrays.stream(names).map(n -> composite(n).stateValueAsString()).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }

    private static void assertError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code,
                                    String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CloudWatchException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).contains(message);
            assertThat(e.statusCode()).isEqualTo(400);
        });
    }
}
