package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InputTransformer;
import software.amazon.awssdk.services.eventbridge.model.LimitExceededException;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.RemoveTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** PutTargets, RemoveTargets and ListTargetsByRule through the SDK, with AWS's validation. */
class EventBridgeTargetsTest extends EventBridgeTestBase {

    @BeforeEach
    void aRule() {
        putRule("alarms", "{\"source\":[\"aws.cloudwatch\"]}");
    }

    @Test
    void targetsAreListedWithTheirInputOptions() {
        InputTransformer transformer = InputTransformer.builder()
                .inputPathsMap(Map.of("instance_id",
                        "$.detail.configuration.metrics[0].metricStat.metric.dimensions.InstanceId"))
                .inputTemplate("{\"instance_id\": <instance_id>}").build();
        PutTargetsResponse put = events.putTargets(r -> r.rule("alarms").targets(
                Target.builder().id("whole").arn(FUNCTION).build(),
                Target.builder().id("constant").arn(FUNCTION).input("{\"reboot\":true}").build(),
                Target.builder().id("path").arn(FUNCTION).inputPath("$.detail").build(),
                Target.builder().id("transformed").arn(FUNCTION).inputTransformer(transformer).build()));
        assertThat(put.failedEntryCount()).isZero();
        assertThat(put.failedEntries()).isEmpty();

        List<Target> listed = events.listTargetsByRule(r -> r.rule("alarms")).targets();
        assertThat(listed).extracting(Target::id).containsExactly("whole", "constant", "path", "transformed");
        assertThat(listed.get(1).input()).isEqualTo("{\"reboot\":true}");
        assertThat(listed.get(2).inputPath()).isEqualTo("$.detail");
        assertThat(listed.get(3).inputTransformer()).isEqualTo(transformer);
        assertThat(listed).allSatisfy(t -> assertThat(t.arn()).isEqualTo(FUNCTION));
    }

    @Test
    void puttingATargetIdAgainReplacesIt() {
        putTarget("alarms", Target.builder().id("fn").arn(FUNCTION).build());
        putTarget("alarms", Target.builder().id("fn").arn(FUNCTION).input("{}").build());
        List<Target> listed = events.listTargetsByRule(r -> r.rule("alarms")).targets();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).input()).isEqualTo("{}");
    }

    @Test
    void aRuleHasAtMostFiveTargets() {
        List<Target> five = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            five.add(Target.builder().id("t" + i).arn(FUNCTION).build());
        }
        events.putTargets(r -> r.rule("alarms").targets(five));
        assertThatThrownBy(() -> events.putTargets(r -> r.rule("alarms")
                .targets(Target.builder().id("t6").arn(FUNCTION).build())))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("The requested resource exceeds the maximum number allowed.");
        assertThat(events.listTargetsByRule(r -> r.rule("alarms")).targets()).hasSize(5);
    }

    @Test
    void targetIdsFollowTheModelConstraints() {
        assertThatThrownBy(() -> events.putTargets(r -> r.rule("alarms")
                .targets(Target.builder().id("!@#$@!#$").arn(FUNCTION).build())))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("1 validation error detected: Value '!@#$@!#$' at 'targets.1.member.id' "
                        + "failed to satisfy constraint: Member must satisfy regular expression pattern");
        assertThatThrownBy(() -> events.putTargets(r -> r.rule("alarms")
                .targets(Target.builder().id("a".repeat(65)).arn(FUNCTION).build())))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Member must have length less than or equal to 64");
    }

    @Test
    void inputInputPathAndInputTransformerAreMutuallyExclusive() {
        assertThatThrownBy(() -> events.putTargets(r -> r.rule("alarms")
                .targets(Target.builder().id("fn").arn(FUNCTION).input("{}").inputPath("$.detail").build())))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining(
                        "Only one of Input, InputPath, or InputTransformer must be provided for target fn.");
    }

    @Test
    void inputMustBeJson() {
        assertThatThrownBy(() -> events.putTargets(r -> r.rule("alarms")
                .targets(Target.builder().id("fn").arn(FUNCTION).input("reboot please").build())))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Input for target fn is not a valid JSON text.");
    }

    @Test
    void anUndefinedTemplateVariableIsRefused() {
        assertThatThrownBy(() -> events.putTargets(r -> r.rule("alarms").targets(Target.builder().id("fn")
                .arn(FUNCTION).inputTransformer(t -> t.inputPathsMap(Map.of("a", "$.detail"))
                        .inputTemplate("\"<a> and <b>\"")).build())))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("InputTemplate for target fn contains invalid placeholder b.");
        assertThat(events.listTargetsByRule(r -> r.rule("alarms")).targets()).isEmpty();
    }

    @Test
    void otherTargetKindsAreRefusedPerEntryAndSaySo() {
        PutTargetsResponse put = events.putTargets(r -> r.rule("alarms").targets(
                Target.builder().id("stream").arn("arn:aws:kinesis:us-east-1:" + ACCOUNT + ":stream/alarms").build(),
                Target.builder().id("garbage").arn("not-an-arn").build(),
                Target.builder().id("fn").arn(FUNCTION).build()));
        assertThat(put.failedEntryCount()).isEqualTo(2);
        assertThat(put.failedEntries().get(0).targetId()).isEqualTo("stream");
        assertThat(put.failedEntries().get(0).errorCode()).isEqualTo("ValidationException");
        assertThat(put.failedEntries().get(0).errorMessage()).contains("selfheal does not deliver to kinesis targets");
        assertThat(put.failedEntries().get(1).errorMessage()).contains("Provided Arn is not in correct format.");
        assertThat(events.listTargetsByRule(r -> r.rule("alarms")).targets()).extracting(Target::id)
                .containsExactly("fn");
    }

    @Test
    void targetsNeedAnExistingRule() {
        assertThatThrownBy(() -> events.putTargets(r -> r.rule("nope")
                .targets(Target.builder().id("fn").arn(FUNCTION).build())))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Rule nope does not exist on EventBus default.");
        assertThatThrownBy(() -> events.listTargetsByRule(r -> r.rule("nope")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void removeTargetsReportsUnknownIds() {
        putTarget("alarms", Target.builder().id("fn").arn(FUNCTION).build());
        RemoveTargetsResponse removed = events.removeTargets(r -> r.rule("alarms").ids("fn", "ghost"));
        assertThat(removed.failedEntryCount()).isEqualTo(1);
        assertThat(removed.failedEntries().get(0).targetId()).isEqualTo("ghost");
        assertThat(removed.failedEntries().get(0).errorCode()).isEqualTo("ResourceNotFoundException");
        assertThat(events.listTargetsByRule(r -> r.rule("alarms")).targets()).isEmpty();
    }
}
