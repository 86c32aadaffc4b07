package io.selfheal.harness.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfheal.harness.expect.EventsExpectation;
import io.selfheal.harness.expect.Expectation;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.stack.FunctionKind;
import io.selfheal.harness.stack.RuleKind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where LocalStack does not behave as AWS does in ways a scenario relies on, each with the LocalStack page it comes
 * from. A scenario touching one is skipped with the reason, never run to a failure that is LocalStack's:
 * <ul>
 *   <li>CloudWatch evaluates alarms and runs their SNS and Lambda actions, but emits no "CloudWatch Alarm State
 *       Change" events to EventBridge (https://docs.localstack.cloud/aws/services/cloudwatch/ lists the alarm
 *       actions it supports; events are not among them);</li>
 *   <li>GuardDuty detects nothing, so no "GuardDuty Finding" reaches the bus (no GuardDuty detection in
 *       https://docs.localstack.cloud/aws/services/);</li>
 *   <li>AWS Config records and stores rules, but does not evaluate them, so no "Config Rules Compliance Change"
 *       events (https://docs.localstack.cloud/aws/services/config/).</li>
 * </ul>
 * Java functions run, but in a Docker container LocalStack starts per function
 * (https://docs.localstack.cloud/aws/services/lambda/): a note for the report ({@link #notes}), not a gap.
 */
public final class LocalStackGaps {
    static final String ALARM_EVENTS = "LocalStack emits no CloudWatch alarm state-change events";
    static final String GUARDDUTY = "LocalStack's GuardDuty detects no findings";
    static final String CONFIG = "LocalStack's AWS Config does not evaluate rules";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalStackGaps() {
    }

    /** Why {@code scenario} cannot run as on AWS on LocalStack, or null when nothing stands in its way. */
    public static String skipReason(Scenario scenario) {
        List<String> gaps = new ArrayList<>();
        if (listensTo(scenario, "aws.cloudwatch")) {
            gaps.add(ALARM_EVENTS);
        }
        if (listensTo(scenario, "aws.guardduty")) {
            gaps.add(GUARDDUTY);
        }
        if (listensTo(scenario, "aws.config")) {
            gaps.add(CONFIG);
        }
        return gaps.isEmpty() ? null : String.join("; ", gaps);
    }

    /** What runs differently on LocalStack without changing the verdict (for reports). */
    public static List<String> notes(Scenario scenario) {
        boolean java = scenario.stack().all(FunctionKind.Function.class).values().stream()
                .anyMatch(f -> f.runtime() != null && f.runtime().startsWith("java"));
        return java ? List.of("Java functions run in Docker containers LocalStack starts (the first invocation pulls "
                + "the runtime image)") : List.of();
    }

    /** Whether a rule of the stack matches events of {@code source}, or an expectation counts them. */
    private static boolean listensTo(Scenario scenario, String source) {
        boolean rule = scenario.stack().all(RuleKind.Rule.class).values().stream()
                .anyMatch(r -> patternSources(r.pattern()).anyMatch(source::equals));
        boolean expected = Stream.concat(scenario.outcomes().stream(), scenario.steadyState().stream())
                .anyMatch(e -> countsEventsOf(e, source));
        return rule || expected;
    }

    private static boolean countsEventsOf(Expectation e, String source) {
        return e instanceof EventsExpectation events && source.equals(events.source());
    }

    private static Stream<String> patternSources(String pattern) {
        try {
            JsonNode sources = pattern == null ? null : JSON.readTree(pattern).get("source");
            if (sources == null) {
                return Stream.empty();
            }
            return sources.isArray() ? java.util.stream.StreamSupport.stream(sources.spliterator(), false)
                    .filter(JsonNode::isTextual).map(JsonNode::asText) : Stream.of(sources.asText());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Stream.empty(); // the loader has refused such a pattern already
        }
    }
}
