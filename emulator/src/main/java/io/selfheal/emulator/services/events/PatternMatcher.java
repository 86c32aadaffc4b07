package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.ParseErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;
import software.amazon.event.ruler.MachineComplexityEvaluator;
import software.amazon.event.ruler.Patterns;

/**
 * Event patterns, validated and matched by AWS's own Event Ruler library, so every operator (prefix, suffix,
 * anything-but, numeric, exists, cidr, wildcard, equals-ignore-case, $or …) behaves as on AWS.
 *
 * <p>One compiled machine per bus, updated as rules change: matching costs the same whatever the number of rules,
 * instead of compiling every pattern for every event. The machine is safe for concurrent matching while one thread
 * updates it (Event Ruler's documented concurrency model); updates are serialised by the bus.
 */
final class PatternMatcher {
    /**
     * The most wildcard prefixes one value may keep alive at once (Event Ruler's {@link MachineComplexityEvaluator}
     * score). AWS does not publish its limit; 10 separates what AWS is seen to accept from what it refuses: four
     * {@code *}{@code /datasync/*.ext} wildcards on one field (score 16) are refused, two (8) and four {@code *.ext}
     * (8) accepted; the user guide's example of a pattern to simplify, {@code *:*:*:*:*:event-bus/*}, scores 11.
     */
    static final int MAX_WILDCARD_COMPLEXITY = 10;
    static final String TOO_COMPLEX = "Rule is too complex - try using fewer wildcard characters or fewer repeating "
            + "character sequences after a wildcard character";

    /** The most recently tested patterns' machines (deterministic, so shared by every emulator in the JVM). */
    private static final Map<String, PatternMatcher> TESTED = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PatternMatcher> eldest) {
                    return size() > TESTED_PATTERNS;
                }
            });
    private static final int TESTED_PATTERNS = 256;

    private final Machine machine = Machine.builder().build();

    /**
     * @return the pattern, unchanged, when Event Ruler accepts it
     * @throws io.selfheal.emulator.core.AwsException InvalidEventPatternException with Event Ruler's reason
     */
    static String validate(String pattern) {
        JsonNode parsed;
        try {
            parsed = Json.parse(pattern);
        } catch (JsonProcessingException e) {
            throw EventsErrors.invalidPattern(ParseErrors.describe(e));
        }
        if (!parsed.isObject()) {
            throw EventsErrors.invalidPattern("Filter is not an object");
        }
        String error = JsonRuleCompiler.check(pattern);
        if (error != null) {
            throw EventsErrors.invalidPattern(error);
        }
        if (pattern.contains("wildcard") && wildcardComplexity(pattern) > MAX_WILDCARD_COMPLEXITY) {
            throw EventsErrors.invalidPattern(TOO_COMPLEX);
        }
        return pattern;
    }

    /**
     * Event Ruler's complexity of the pattern alone ("Wildcards and event pattern complexity" in the user guide:
     * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html), evaluated no
     * further than one past the limit.
     */
    static int wildcardComplexity(String pattern) {
        Machine alone = Machine.builder().build();
        try {
            for (Map<String, List<Patterns>> rule : JsonRuleCompiler.compile(pattern)) {
                alone.addPatternRule("pattern", rule);
            }
        } catch (IOException e) {
            throw EventsErrors.invalidPattern(e.getMessage());
        }
        return alone.evaluateComplexity(new MachineComplexityEvaluator(MAX_WILDCARD_COMPLEXITY + 1));
    }

    /**
     * TestEventPattern (one pattern, one event, no bus): the machine for one pattern, validated and compiled once
     * per distinct pattern text, since doing both on every call cost several times the matching itself. A pattern
     * that fails validation is not kept.
     */
    static PatternMatcher compiled(String pattern) {
        PatternMatcher cached = TESTED.get(pattern);
        if (cached == null) {
            cached = new PatternMatcher();
            cached.add("pattern", validate(pattern));
            TESTED.put(pattern, cached);
        }
        return cached;
    }

    /** Whether the event matches any pattern of this machine. */
    boolean matches(JsonNode event) {
        return !machine.rulesForJSONEvent(event).isEmpty();
    }

    /** Adds a validated pattern under the rule's name. */
    void add(String ruleName, String pattern) {
        try {
            machine.addRule(ruleName, pattern);
        } catch (IOException e) {
            throw new UncheckedIOException("pattern was validated but does not compile: " + pattern, e);
        }
    }

    /** Removes exactly the pattern added under the rule's name. */
    void remove(String ruleName, String pattern) {
        try {
            machine.deleteRule(ruleName, pattern);
        } catch (IOException e) {
            throw new UncheckedIOException("pattern was added but does not compile: " + pattern, e);
        }
    }

    /** The names of the rules whose pattern matches, each once. */
    List<String> matchingRules(JsonNode event) {
        return machine.rulesForJSONEvent(event).stream().distinct().sorted().toList();
    }
}
