package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The rules half's state of one account and region; every access holds its monitor. */
final class RulesRegion {
    /** Result tokens kept at most: a function answers within its timeout, older tokens may be forgotten. */
    static final int MAX_TOKENS = 10_000;

    /** What a result token lets a function report on: its rule (by id, so a re-created rule refuses it). */
    record Grant(String ruleName, String ruleId, Instant invokedTime) {
    }

    final Map<String, ConfigRule> rules = new LinkedHashMap<>();
    final Map<String, Grant> tokens = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Grant> eldest) {
            return size() > MAX_TOKENS;
        }
    };
    /** Remediation configurations by rule name, in the API shape. */
    final Map<String, ObjectNode> remediations = new LinkedHashMap<>();

    ConfigRule rule(String name) {
        ConfigRule rule = rules.get(name);
        if (rule == null) {
            throw ConfigErrors.noSuchRule(name);
        }
        return rule;
    }
}
