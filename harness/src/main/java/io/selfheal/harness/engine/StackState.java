package io.selfheal.harness.engine;

import io.selfheal.harness.scenario.References;
import io.selfheal.harness.scenario.Stack;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

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
        return get("instances", key, "id");
    }

    public String alarmName(String key) {
        return get("alarms", key, "name");
    }

    public String functionName(String key) {
        return get("functions", key, "name");
    }

    public String securityGroupId(String key) {
        return get("securityGroups", key, "id");
    }

    public String ruleArn(String key) {
        return get("rules", key, "arn");
    }

    /** A stack rule in the SDK's shape, its source group resolved to the provisioned group's id. */
    public IpPermission ipPermission(Stack.Permission p) {
        IpPermission.Builder b = IpPermission.builder().ipProtocol(p.protocol()).fromPort(p.fromPort())
                .toPort(p.toPort());
        if (p.cidr() != null) {
            b.ipRanges(IpRange.builder().cidrIp(p.cidr()).description(p.description()).build());
        } else if (p.ipv6() != null) {
            b.ipv6Ranges(Ipv6Range.builder().cidrIpv6(p.ipv6()).description(p.description()).build());
        } else if (p.group() != null) {
            b.userIdGroupPairs(UserIdGroupPair.builder().groupId(securityGroupId(p.group()))
                    .description(p.description()).build());
        }
        return b.build();
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
