package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One event bus: its rules and the pattern machine that holds exactly its enabled rules. Reads (matching, Describe,
 * List) take no lock; changes are serialised so the machine never disagrees with the rules for long.
 */
final class EventBus {
    private final String name;
    private final String arn;
    private final String accountId;
    private final String region;
    /** Sorted by name, as ListRules answers. */
    private final NavigableMap<String, Rule> rules = new ConcurrentSkipListMap<>();
    private final PatternMatcher matcher = new PatternMatcher();

    EventBus(String name, String accountId, String region) {
        this.name = name;
        this.accountId = accountId;
        this.region = region;
        this.arn = "arn:aws:events:" + region + ":" + accountId + ":event-bus/" + name;
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    String accountId() {
        return accountId;
    }

    String region() {
        return region;
    }

    /** Rules on the default bus are {@code rule/<name>}; on a custom bus {@code rule/<bus>/<name>}. */
    String ruleArn(String ruleName) {
        String path = name.equals(EventsState.DEFAULT_BUS) ? ruleName : name + "/" + ruleName;
        return "arn:aws:events:" + region + ":" + accountId + ":rule/" + path;
    }

    Rule rule(String ruleName) {
        return rules.get(ruleName);
    }

    /** @throws io.selfheal.emulator.core.AwsException ResourceNotFoundException as AWS words it */
    Rule existingRule(String ruleName) {
        Rule rule = rules.get(ruleName);
        if (rule == null) {
            throw EventsErrors.ruleNotFound(ruleName, name);
        }
        return rule;
    }

    List<Rule> rules(String namePrefix) {
        Map<String, Rule> view = namePrefix == null || namePrefix.isEmpty() ? rules
                : rules.subMap(namePrefix, true, namePrefix + Character.MAX_VALUE, true);
        return new ArrayList<>(view.values());
    }

    /** Creates or replaces a rule (keeping its targets, as AWS does on a repeated PutRule). */
    synchronized Rule put(Rule rule) {
        Rule old = rules.get(rule.name());
        Rule stored = old == null ? rule : rule.withTargets(old.targets());
        replace(old, stored);
        return stored;
    }

    /** Applies {@code change} to an existing rule. */
    synchronized Rule update(String ruleName, UnaryOperator<Rule> change) {
        Rule old = existingRule(ruleName);
        Rule updated = change.apply(old);
        replace(old, updated);
        return updated;
    }

    /** @return the removed rule, or null when there was none */
    synchronized Rule remove(String ruleName, Consumer<Rule> check) {
        Rule old = rules.get(ruleName);
        if (old != null) {
            check.accept(old);
            replace(old, null);
        }
        return old;
    }

    private void replace(Rule old, Rule updated) {
        boolean samePattern = old != null && updated != null && old.matchable() && updated.matchable()
                && old.eventPattern().equals(updated.eventPattern());
        if (!samePattern && old != null && old.matchable()) {
            matcher.remove(old.name(), old.eventPattern());
        }
        if (updated == null) {
            rules.remove(old.name());
            return;
        }
        rules.put(updated.name(), updated);
        if (!samePattern && updated.matchable()) {
            matcher.add(updated.name(), updated.eventPattern());
        }
    }

    /** The enabled rules whose pattern matches {@code event}, sorted by name. */
    List<Rule> matchingRules(JsonNode event) {
        List<Rule> matched = new ArrayList<>();
        for (String ruleName : matcher.matchingRules(event)) {
            Rule rule = rules.get(ruleName);
            if (rule != null && rule.enabled()) {
                matched.add(rule);
            }
        }
        return matched;
    }
}
