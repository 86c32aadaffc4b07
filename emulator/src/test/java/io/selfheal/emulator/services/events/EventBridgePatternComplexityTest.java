package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;

/**
 * Wildcard patterns too complex to match quickly are refused wherever a pattern is accepted (PutRule,
 * TestEventPattern, an archive's pattern) with AWS's InvalidEventPatternException: "Wildcards and event pattern
 * complexity" in https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html ("If a rule
 * is too complex, EventBridge returns an InvalidEventPatternException"). The score is Event Ruler's
 * MachineComplexityEvaluator; the limit, 10, is {@link PatternMatcher#MAX_WILDCARD_COMPLEXITY}'s reasoning.
 */
class EventBridgePatternComplexityTest extends EventBridgeTestBase {
    static final String MESSAGE = "Event pattern is not valid. Reason: Rule is too complex - try using fewer wildcard "
            + "characters or fewer repeating character sequences after a wildcard character";
    /** Four extensions under a wildcard directory: refused by AWS (reported publicly), score 16. */
    static final String TOO_COMPLEX = "{\"detail\":{\"object\":{\"key\":[{\"wildcard\":\"*/datasync/*.bif\"},"
            + "{\"wildcard\":\"*/datasync/*.tif\"},{\"wildcard\":\"*/datasync/*.tiff\"},"
            + "{\"wildcard\":\"*/datasync/*.svs\"}]}}}";
    /** Two of them: accepted by AWS, score 8. */
    static final String SIMPLE_ENOUGH = "{\"detail\":{\"object\":{\"key\":[{\"wildcard\":\"*/datasync/*.bif\"},"
            + "{\"wildcard\":\"*/datasync/*.tif\"}]}}}";
    static final String EVENT = "{\"id\":\"1\",\"source\":\"s3\",\"detail-type\":\"Object Created\","
            + "\"account\":\"123456789012\",\"region\":\"us-east-1\",\"time\":\"2025-01-01T00:00:00Z\","
            + "\"resources\":[],\"detail\":{\"object\":{\"key\":\"in/datasync/scan.tif\"}}}";

    @Test
    void putRuleRefusesATooComplexPatternAndTakesASimplerOne() {
        assertThatThrownBy(() -> events.putRule(r -> r.name("scans").eventPattern(TOO_COMPLEX)))
                .isInstanceOf(InvalidEventPatternException.class)
                .satisfies(e -> assertThat(((InvalidEventPatternException) e).awsErrorDetails().errorMessage())
                        .isEqualTo(MESSAGE))
                .satisfies(e -> assertThat(((InvalidEventPatternException) e).statusCode()).isEqualTo(400));
        assertThat(events.listRules(r -> r.namePrefix("scans")).rules()).isEmpty();
        assertThat(events.putRule(r -> r.name("scans").eventPattern(SIMPLE_ENOUGH)).ruleArn()).endsWith("rule/scans");
    }

    @Test
    void testEventPatternRefusesItToo() {
        assertThatThrownBy(() -> events.testEventPattern(r -> r.eventPattern(TOO_COMPLEX).event(EVENT)))
                .isInstanceOf(InvalidEventPatternException.class).hasMessageContaining(MESSAGE);
        assertThat(events.testEventPattern(r -> r.eventPattern(SIMPLE_ENOUGH).event(EVENT)).result()).isTrue();
    }

    @Test
    void anArchivesPatternIsHeldToTheSameLimit() {
        String bus = events.describeEventBus(r -> r.name("default")).arn();
        assertThatThrownBy(() -> events.createArchive(r -> r.archiveName("scans").eventSourceArn(bus)
                .eventPattern(TOO_COMPLEX))).isInstanceOf(InvalidEventPatternException.class)
                .hasMessageContaining(MESSAGE);
    }

    /** The user guide's example to simplify, and its simpler form; repeating sequences after a wildcard; $or. */
    @Test
    void theScoreCountsWildcardPrefixesAliveAtOnce() {
        assertThat(PatternMatcher.wildcardComplexity("{\"EventBusArn\":[{\"wildcard\":\"*:*:*:*:*:event-bus/*\"}]}"))
                .isGreaterThan(PatternMatcher.MAX_WILDCARD_COMPLEXITY);
        assertThat(PatternMatcher.wildcardComplexity(
                "{\"EventBusArn\":[{\"wildcard\":\"arn:aws:events:us-east-1:*:event-bus/*\"}]}")).isEqualTo(3);
        assertThat(PatternMatcher.wildcardComplexity("{\"k\":[{\"wildcard\":\"*a*a*a*\"}]}")).isEqualTo(7);
        assertThat(PatternMatcher.wildcardComplexity("{\"k\":[{\"wildcard\":\"*a*a*a*a*a*\"}]}"))
                .isGreaterThan(PatternMatcher.MAX_WILDCARD_COMPLEXITY);
        assertThat(PatternMatcher.wildcardComplexity(
                "{\"$or\":[{\"k\":[{\"wildcard\":\"*a*a*a*\"}]},{\"k\":[{\"wildcard\":\"*a*a*\"}]}]}"))
                .isGreaterThan(PatternMatcher.MAX_WILDCARD_COMPLEXITY);
        assertThat(PatternMatcher.wildcardComplexity("{\"source\":[\"aws.ec2\"]}")).isZero();
    }
}
