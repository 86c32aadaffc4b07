package io.selfheal.harness.stack;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;

/** What provisioning created, by stack key: the values references resolve to. */
public final class StackState {
    private final Map<String, String> values = new HashMap<>();

    void put(String kind, String key, String attribute, String value) {
        values.put(kind + "." + key + "." + attribute, value);
    }

    public String get(String kind, String key, String attribute) {
        String v = values.get(kind + "." + key + "." + attribute);
        if (v == null) {
            throw new IllegalStateException(kind + " '" + key + "' has not been provisioned (yet)");
        }
        return v;
    }

    public String instanceId(String key) {
        return get(InstanceKind.KEY, key, "id");
    }

    public String alarmName(String key) {
        return get(AlarmKind.KEY, key, "name");
    }

    public String functionName(String key) {
        return get(FunctionKind.KEY, key, "name");
    }

    public String securityGroupId(String key) {
        return get(SecurityGroupKind.KEY, key, "id");
    }

    public String ruleArn(String key) {
        return get(RuleKind.KEY, key, "arn");
    }

    /** Replaces every {@code ${kind.key.attribute}} in {@code text}. */
    public String resolve(String text) {
        if (text == null || !text.contains("${")) {
            return text;
        }
        Matcher m = References.REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String[] parts = m.group(1).split("\\.");
            m.appendReplacement(out, Matcher.quoteReplacement(get(parts[0], parts[1], parts[2])));
        }
        m.appendTail(out);
        return out.toString();
    }

    public Map<String, String> resolve(Map<String, String> map) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, resolve(v)));
        return out;
    }
}
