package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;

/**
 * Event patterns, validated and matched by AWS's own Event Ruler library, so every operator (prefix, suffix,
 * anything-but, numeric, exists, cidr, wildcard, equals-ignore-case, $or …) behaves as on AWS.
 *
 * <p>One compiled machine per bus, updated as rules change: matching costs the same whatever the number of rules,
 * instead of compiling every pattern for every event. The machine is safe for concurrent matching while one thread
 * updates it (Event Ruler's documented concurrency model); updates are serialised by the bus.
 */
final class PatternMatcher {
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
            throw EventsErrors.invalidPattern(e.getMessage());
        }
        if (!parsed.isObject()) {
            throw EventsErrors.invalidPattern("Filter is not an object");
        }
        String error = JsonRuleCompiler.check(pattern);
        if (error != null) {
            throw EventsErrors.invalidPattern(error);
        }
        return pattern;
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
