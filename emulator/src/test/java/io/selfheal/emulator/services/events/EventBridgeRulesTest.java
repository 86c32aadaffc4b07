package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** Rules on the default bus through the SDK: create, describe, update, enable/disable, list, delete. */
class EventBridgeRulesTest extends EventBridgeTestBase {
    private static final String PATTERN = "{\"source\":[\"com.example.orders\"]}";

    @Test
    void putRuleCreatesAnEnabledRuleOnTheDefaultBus() {
        String arn = events.putRule(r -> r.name("orders").eventPattern(PATTERN).description("all orders")
                .roleArn("arn:aws:iam::" + ACCOUNT + ":role/events")).ruleArn();
        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:" + ACCOUNT + ":rule/orders");

        DescribeRuleResponse rule = events.describeRule(r -> r.name("orders"));
        assertThat(rule.name()).isEqualTo("orders");
        assertThat(rule.arn()).isEqualTo(arn);
        assertThat(rule.eventPattern()).isEqualTo(PATTERN);
        assertThat(rule.state()).isEqualTo(RuleState.ENABLED);
        assertThat(rule.description()).isEqualTo("all orders");
        assertThat(rule.roleArn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/events");
        assertThat(rule.eventBusName()).isEqualTo("default");
        assertThat(rule.createdBy()).isEqualTo(ACCOUNT);
        assertThat(rule.scheduleExpression()).isNull();
    }

    @Test
    void aRepeatedPutRuleReplacesTheRuleButKeepsItsTargets() {
        events.putRule(r -> r.name("orders").eventPattern(PATTERN).description("old").state(RuleState.DISABLED));
        putTarget("orders", Target.builder().id("fn").arn(FUNCTION).build());

        events.putRule(r -> r.name("orders").eventPattern("{\"source\":[\"com.example.billing\"]}"));

        DescribeRuleResponse rule = events.describeRule(r -> r.name("orders"));
        assertThat(rule.eventPattern()).isEqualTo("{\"source\":[\"com.example.billing\"]}");
        assertThat(rule.description()).as("omitted attributes are reset, as AWS documents").isNull();
        assertThat(rule.state()).isEqualTo(RuleState.ENABLED);
        assertThat(events.listTargetsByRule(r -> r.rule("orders")).targets()).extracting(Target::id)
                .containsExactly("fn");
    }

    @Test
    void aRuleWithTargetsCannotBeDeleted() {
        putRule("orders", PATTERN);
        putTarget("orders", Target.builder().id("fn").arn(FUNCTION).build());

        assertThatThrownBy(() -> events.deleteRule(r -> r.name("orders")))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Rule can't be deleted since it has targets.")
                .satisfies(e -> assertThat(((EventBridgeException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"));

        events.removeTargets(r -> r.rule("orders").ids("fn"));
        events.deleteRule(r -> r.name("orders"));
        assertThatThrownBy(() -> events.describeRule(r -> r.name("orders")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Rule orders does not exist on EventBus default.");
    }

    @Test
    void deletingARuleThatDoesNotExistSucceeds() {
        events.deleteRule(r -> r.name("never-was"));
    }

    @Test
    void disableAndEnableChangeTheState() {
        putRule("orders", PATTERN);
        events.disableRule(r -> r.name("orders"));
        assertThat(events.describeRule(r -> r.name("orders")).state()).isEqualTo(RuleState.DISABLED);
        events.enableRule(r -> r.name("orders"));
        assertThat(events.describeRule(r -> r.name("orders")).state()).isEqualTo(RuleState.ENABLED);

        assertThatThrownBy(() -> events.enableRule(r -> r.name("nope")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Rule nope does not exist on EventBus default.");
    }

    @Test
    void listRulesFiltersByPrefixAndPages() {
        for (String name : new String[] {"ec2-cpu", "ec2-disk", "rds-cpu", "ec2-net"}) {
            putRule(name, PATTERN);
        }
        assertThat(events.listRules(r -> r.namePrefix("ec2-")).rules()).extracting(Rule::name)
                .containsExactly("ec2-cpu", "ec2-disk", "ec2-net");

        ListRulesResponse first = events.listRules(r -> r.limit(3));
        assertThat(first.rules()).extracting(Rule::name).containsExactly("ec2-cpu", "ec2-disk", "ec2-net");
        ListRulesResponse rest = events.listRules(r -> r.limit(3).nextToken(first.nextToken()));
        assertThat(rest.rules()).extracting(Rule::name).containsExactly("rds-cpu");
        assertThat(rest.nextToken()).isNull();
        assertThat(rest.rules().get(0).eventBusName()).isEqualTo("default");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[\"source\"]", "{}", "{\"source\":\"aws.ec2\"}", "{\"source\":[]}",
            "{\"detail\":{\"state\":[{\"bogus-operator\":\"x\"}]}}", "{\"detail\":{\"n\":[{\"numeric\":[\">\"]}]}}"})
    void invalidPatternsAreInvalidEventPatternException(String pattern) {
        assertThatThrownBy(() -> events.putRule(r -> r.name("bad").eventPattern(pattern)))
                .isInstanceOf(InvalidEventPatternException.class)
                .hasMessageContaining("Event pattern is not valid. Reason: ");
        assertThatThrownBy(() -> events.describeRule(r -> r.name("bad")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aScheduledRuleIsDescribedWithItsExpression() {
        events.putRule(r -> r.name("nightly").scheduleExpression("cron(0 2 * * ? *)"));
        DescribeRuleResponse rule = events.describeRule(r -> r.name("nightly"));
        assertThat(rule.scheduleExpression()).isEqualTo("cron(0 2 * * ? *)");
        assertThat(rule.eventPattern()).isNull();
        assertThat(events.listRules(r -> r.namePrefix("night")).rules().get(0).scheduleExpression())
                .isEqualTo("cron(0 2 * * ? *)");
    }

    @Test
    void aRuleNeedsAPattern() {
        assertThatThrownBy(() -> events.putRule(r -> r.name("empty")))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Parameter(s) EventPattern or ScheduleExpression must be specified.");
    }

    @Test
    void ruleNamesFollowTheModelConstraints() {
        assertThatThrownBy(() -> events.putRule(r -> r.name("no spaces").eventPattern(PATTERN)))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Value 'no spaces' at 'name' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
        assertThatThrownBy(() -> events.putRule(r -> r.name("x".repeat(65)).eventPattern(PATTERN)))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Member must have length less than or equal to 64");
    }

    @Test
    void theDefaultBusAnswersToItsNameAndArnAndNoOtherBusExistsYet() {
        String busArn = "arn:aws:events:us-east-1:" + ACCOUNT + ":event-bus/default";
        events.putRule(r -> r.name("by-arn").eventPattern(PATTERN).eventBusName(busArn));
        assertThat(events.describeRule(r -> r.name("by-arn").eventBusName("default")).eventBusName())
                .isEqualTo("default");
        assertThatThrownBy(() -> events.putRule(r -> r.name("x").eventPattern(PATTERN).eventBusName("orders-bus")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Event bus orders-bus does not exist.");
    }
}
