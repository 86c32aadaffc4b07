package io.selfheal.harness.yaml;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A YAML mapping read key by key with typed getters. Each getter reports a wrong type as a problem at the value's
 * position and returns null, so reading goes on and every mistake in a file is found in one pass.
 */
public final class YMap {
    private final YNode owner;
    private final Map<String, YNode> entries = new LinkedHashMap<>();
    private final Map<String, YNode> keyNodes = new LinkedHashMap<>();

    YMap(YNode owner, MappingNode mapping) {
        this.owner = owner;
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyScalar)) {
                owner.child(tuple.getKeyNode(), owner.path()).problem("keys must be plain names");
                continue;
            }
            String key = keyScalar.getValue();
            String childPath = owner.path().isEmpty() ? key : owner.path() + "." + key;
            YNode keyNode = owner.child(tuple.getKeyNode(), childPath);
            if (entries.containsKey(key)) {
                keyNode.problem("duplicate key '" + key + "' (first at line " + keyNodes.get(key).line() + ")");
                continue;
            }
            entries.put(key, owner.child(tuple.getValueNode(), childPath));
            keyNodes.put(key, keyNode);
        }
    }

    private YMap(YNode owner) {
        this.owner = owner;
    }

    static YMap empty(YNode owner) {
        return new YMap(owner);
    }

    public YNode node() {
        return owner;
    }

    public Map<String, YNode> entries() {
        return entries;
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public boolean has(String key) {
        return entries.containsKey(key) && !entries.get(key).isNull();
    }

    public YNode get(String key) {
        YNode n = entries.get(key);
        return n == null || n.isNull() ? null : n;
    }

    /** Reports every key not in {@code allowed}, with the closest allowed key as a suggestion. */
    public YMap allow(String... allowed) {
        Set<String> allowedSet = new LinkedHashSet<>(Arrays.asList(allowed));
        keyNodes.forEach((key, keyNode) -> {
            if (!allowedSet.contains(key)) {
                String suggestion = Suggestions.closest(key, allowedSet);
                keyNode.problem("unknown key '" + key + "'"
                        + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : "")
                        + "; allowed here: " + String.join(", ", allowedSet));
            }
        });
        return this;
    }

    /** Problems by key: at the key's value, or at the mapping itself for {@code ""} or a key that is not there. */
    public ProblemAt problems() {
        return (key, message) -> (key.isEmpty() || get(key) == null ? owner : get(key)).problem(message);
    }

    /** Why a required key is a problem when it is missing (the Java DSL says the same). */
    public static String missing(String key) {
        return "missing required key '" + key + "'";
    }

    /** Reports a missing key at the mapping's position. */
    public YNode require(String key) {
        YNode n = get(key);
        if (n == null) {
            owner.problem(missing(key));
        }
        return n;
    }

    public String string(String key) {
        YNode n = get(key);
        return n == null ? null : n.text();
    }

    public String requiredString(String key) {
        YNode n = require(key);
        return n == null ? null : n.text();
    }

    public Integer integer(String key) {
        YNode n = get(key);
        if (n == null) {
            return null;
        }
        String text = n.text();
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            n.problem("expected a whole number, found '" + text + "'");
            return null;
        }
    }

    public Double number(String key) {
        YNode n = get(key);
        if (n == null) {
            return null;
        }
        String text = n.text();
        try {
            return text == null ? null : Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            n.problem("expected a number, found '" + text + "'");
            return null;
        }
    }

    public Boolean bool(String key) {
        YNode n = get(key);
        if (n == null) {
            return null;
        }
        String text = n.text();
        if ("true".equals(text) || "false".equals(text)) {
            return Boolean.valueOf(text);
        }
        n.problem("expected true or false, found '" + text + "'");
        return null;
    }

    /** An ISO-8601 duration such as {@code PT30S} or {@code PT5M}. */
    public Duration duration(String key) {
        YNode n = get(key);
        if (n == null) {
            return null;
        }
        String text = n.text();
        try {
            return text == null ? null : Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            n.problem("expected an ISO-8601 duration such as PT30S or PT5M, found '" + text + "'");
            return null;
        }
    }

    /** One of {@code choices}; anything else is reported with the choices. */
    public String choice(String key, String... choices) {
        String value = string(key);
        String problem = Suggestions.notOneOf(value, Arrays.asList(choices));
        if (problem != null) {
            get(key).problem(problem);
            return null;
        }
        return value;
    }

    /** A mapping of names to single values. */
    public Map<String, String> stringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        YNode n = get(key);
        if (n != null) {
            n.map().entries().forEach((k, v) -> {
                String text = v.isNull() ? "" : v.text();
                if (text != null) {
                    out.put(k, text);
                }
            });
        }
        return out;
    }

    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        YNode n = get(key);
        if (n != null) {
            for (YNode item : n.list()) {
                String text = item.text();
                if (text != null) {
                    out.add(text);
                }
            }
        }
        return out;
    }
}
