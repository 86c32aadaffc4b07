package io.selfheal.emulator.services.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.PutLogEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LimitExceededException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourcePolicy;

/**
 * Log events other services write over the internal bus, and the account resource policies that admit an
 * EventBridge log-group target ("Amazon EventBridge targets", CloudWatch Logs: EventBridge needs a resource policy
 * allowing events.amazonaws.com logs:CreateLogStream and logs:PutLogEvents).
 */
class LogsBusDeliveryTest {
    private static final String ACCOUNT = "123456789012";
    private static final String RULE_ARN = "arn:aws:events:us-east-1:123456789012:rule/to-logs";
    private static final String EVENTS = "events.amazonaws.com";
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();
    private static Emulator emulator;
    private static CloudWatchLogsClient logs;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        logs = AWS.client(CloudWatchLogsClient.class);
    }

    @AfterEach
    void reset() {
        emulator.services().get(LogsService.class).reset();
    }

    @Test
    void lambdasOwnLogsCreateTheGroupAndStream() {
        Delivery d = deliver(new PutLogEvents(ACCOUNT, "us-east-1", "/aws/lambda/fn", "2026/01/01/[$LATEST]abc",
                List.of(line("START RequestId: 1 Version: $LATEST\n"), line("hello\n")), true, null, null));

        assertThat(d.accepted()).isTrue();
        assertThat(messages("/aws/lambda/fn")).containsExactly("START RequestId: 1 Version: $LATEST\n", "hello\n");
        assertThat(logs.describeLogStreams(r -> r.logGroupName("/aws/lambda/fn")).logStreams())
                .extracting(s -> s.logStreamName()).containsExactly("2026/01/01/[$LATEST]abc");
    }

    @Test
    void withoutCreateGroupAMissingGroupIsRefused() {
        Delivery d = deliver(new PutLogEvents(ACCOUNT, "us-east-1", "/aws/events/missing", "s",
                List.of(line("x")), false, null, null));

        assertThat(d.accepted()).isFalse();
        assertThat(d.errorCode()).isEqualTo("ResourceNotFoundException");
        assertThat(logs.describeLogGroups().logGroups()).isEmpty();
    }

    @Test
    void aServicePrincipalNeedsAResourcePolicy() {
        logs.createLogGroup(r -> r.logGroupName("/aws/events/alarms"));

        Delivery refused = deliverFromEventBridge("/aws/events/alarms");
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.errorCode()).isEqualTo("AccessDeniedException");
        assertThat(messages("/aws/events/alarms")).isEmpty();

        logs.putResourcePolicy(r -> r.policyName("TrustEventsToStoreLogEvents").policyDocument(policy(
                "arn:aws:logs:us-east-1:123456789012:log-group:/aws/events/*:*", null)));
        Delivery accepted = deliverFromEventBridge("/aws/events/alarms");

        assertThat(accepted.accepted()).isTrue();
        assertThat(messages("/aws/events/alarms")).containsExactly("{\"detail-type\":\"test\"}");
    }

    @Test
    void aPolicyForOtherGroupsOrAnotherRuleDoesNotAdmit() {
        logs.createLogGroup(r -> r.logGroupName("/app/private"));
        logs.createLogGroup(r -> r.logGroupName("/aws/events/ok"));
        String groups = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/events/*";
        logs.putResourcePolicy(r -> r.policyName("p").policyDocument(policy(groups, null)));

        assertThat(deliverFromEventBridge("/app/private").errorCode()).isEqualTo("AccessDeniedException");
        assertThat(deliverFromEventBridge("/aws/events/ok").accepted()).isTrue();

        // The right group, but the policy's aws:SourceArn condition names another rule.
        logs.putResourcePolicy(r -> r.policyName("p").policyDocument(policy(groups,
                "arn:aws:events:us-east-1:123456789012:rule/other")));
        assertThat(deliverFromEventBridge("/aws/events/ok").errorCode()).isEqualTo("AccessDeniedException");
        logs.putResourcePolicy(r -> r.policyName("p").policyDocument(policy(groups, RULE_ARN)));
        assertThat(deliverFromEventBridge("/aws/events/ok").accepted()).isTrue();
    }

    @Test
    void anExplicitDenyWins() {
        logs.createLogGroup(r -> r.logGroupName("/aws/events/denied"));
        logs.putResourcePolicy(r -> r.policyName("allow").policyDocument(policy("*", null)));
        logs.putResourcePolicy(r -> r.policyName("deny").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"Service":"events.amazonaws.com"},
                 "Action":"logs:PutLogEvents","Resource":"arn:aws:logs:*:*:log-group:/aws/events/denied:*"}]}"""));

        assertThat(deliverFromEventBridge("/aws/events/denied").errorCode()).isEqualTo("AccessDeniedException");
    }

    @Test
    void busEventsFollowTheSameAgeRules() {
        Instant now = Instant.now();
        deliver(new PutLogEvents(ACCOUNT, "us-east-1", "/aws/lambda/fn", "s", List.of(
                new PutLogEvents.LogEvent(now.minus(Duration.ofDays(15)), "ancient"),
                new PutLogEvents.LogEvent(now, "now")), true, null, null));

        assertThat(messages("/aws/lambda/fn")).containsExactly("now");
    }

    @Test
    void resourcePoliciesArePutDescribedReplacedAndDeleted() {
        String document = policy("*", null);
        ResourcePolicy put = logs.putResourcePolicy(r -> r.policyName("p1").policyDocument(document))
                .resourcePolicy();
        assertThat(put.policyName()).isEqualTo("p1");
        assertThat(put.policyDocument()).isEqualTo(document);
        assertThat(put.lastUpdatedTime()).isPositive();

        logs.putResourcePolicy(r -> r.policyName("p1").policyDocument(policy("arn:aws:logs:*", null)));
        assertThat(logs.describeResourcePolicies().resourcePolicies())
                .singleElement().satisfies(p -> assertThat(p.policyDocument()).contains("arn:aws:logs:*"));

        logs.deleteResourcePolicy(r -> r.policyName("p1"));
        assertThat(logs.describeResourcePolicies().resourcePolicies()).isEmpty();
        assertThatThrownBy(() -> logs.deleteResourcePolicy(r -> r.policyName("p1")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> logs.putResourcePolicy(r -> r.policyName("bad").policyDocument("{not json")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void atMostTenResourcePolicies() {
        for (int i = 0; i < ResourcePolicyOperations.MAX_POLICIES; i++) {
            String name = "p" + i;
            logs.putResourcePolicy(r -> r.policyName(name).policyDocument(policy("*", null)));
        }
        assertThatThrownBy(() -> logs.putResourcePolicy(r -> r.policyName("p10").policyDocument(policy("*", null))))
                .isInstanceOf(LimitExceededException.class);
    }

    private static Delivery deliverFromEventBridge(String group) {
        return deliver(new PutLogEvents(ACCOUNT, "us-east-1", group, "eventbridge-stream",
                List.of(line("{\"detail-type\":\"test\"}")), false, EVENTS, RULE_ARN));
    }

    private static Delivery deliver(PutLogEvents message) {
        return AWS.bus().bus().ask(message);
    }

    private static PutLogEvents.LogEvent line(String message) {
        return new PutLogEvents.LogEvent(Instant.now(), message);
    }

    /** The policy the EventBridge console writes for a log-group target, optionally limited to one rule. */
    private static String policy(String resource, String sourceArn) {
        String condition = sourceArn == null ? ""
                : ",\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"" + sourceArn + "\"}}";
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"TrustEventsToStoreLogEvent\","
                + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"delivery.logs.amazonaws.com\","
                + "\"events.amazonaws.com\"]},\"Action\":[\"logs:CreateLogStream\",\"logs:PutLogEvents\"],"
                + "\"Resource\":\"" + resource + "\"" + condition + "}]}";
    }

    private static List<String> messages(String group) {
        if (logs.describeLogGroups(r -> r.logGroupNamePrefix(group)).logGroups().isEmpty()) {
            return List.of();
        }
        return logs.filterLogEvents(r -> r.logGroupName(group)).events().stream()
                .map(FilteredLogEvent::message).toList();
    }
}
