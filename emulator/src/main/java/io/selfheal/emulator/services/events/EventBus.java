package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
    /** The archives whose EventSourceArn is this bus. */
    private final List<Archive> archives = new CopyOnWriteArrayList<>();
    private final Instant creationTime;
    private volatile String description;
    private volatile Instant lastModifiedTime;
    /** The bus's resource policy (PutPermission, RemovePermission), or null. */
    private volatile String policy;

    EventBus(String name, String accountId, String region) {
        this(name, accountId, region, null, Instant.EPOCH);
    }

    EventBus(String name, String accountId, String region, String description, Instant creationTime) {
        this.name = name;
        this.accountId = accountId;
        this.region = region;
        this.arn = arn(region, accountId, name);
        this.description = description;
        this.creationTime = creationTime;
        this.lastModifiedTime = creationTime;
    }

    static String arn(String region, String accountId, String name) {
        return "arn:aws:events:" + region + ":" + accountId + ":event-bus/" + name;
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

    String description() {
        return description;
    }

    void describe(String newDescription, Instant now) {
        description = newDescription;
        lastModifiedTime = now;
    }

    String policy() {
        return policy;
    }

    void policy(String document, Instant now) {
        policy = document;
        lastModifiedTime = now;
    }

    /** As DescribeEventBus and ListEventBuses show it, with its policy when it has one. */
    ObjectNode toJson() {
        ObjectNode node = Json.object().put("Name", name).put("Arn", arn);
        if (description != null) {
            node.put("Description", description);
        }
        if (policy != null) {
            node.put("Policy", policy);
        }
        node.put("CreationTime", Timestamps.epochSeconds(creationTime));
        node.put("LastModifiedTime", Timestamps.epochSeconds(lastModifiedTime));
        return node;
    }

    boolean hasRules() {
        return !rules.isEmpty();
    }

    List<Rule> allRules() {
        return new ArrayList<>(rules.values());
    }

    void attach(Archive archive) {
        archives.add(archive);
    }

    void detach(Archive archive) {
        archives.remove(archive);
    }

    boolean hasArchives() {
        return !archives.isEmpty();
    }

    /** Offers an event that reached the bus to each of its archives, which keep it when it matches their pattern. */
    void archive(ObjectNode event, Instant received) {
        for (Archive archive : archives) {
            archive.offer(event, received);
        }
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
