package io.selfheal.harness.stack;

import io.selfheal.harness.yaml.YMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code stack.logGroups}: CloudWatch Logs log groups made with CreateLogGroup (and PutRetentionPolicy). */
public final class LogGroupKind extends AbstractStackKind<LogGroupKind.LogGroup> {
    public static final String KEY = "logGroups";

    /** A CloudWatch Logs log group made with CreateLogGroup, optionally with a retention in days. */
    public record LogGroup(String key, String name, Integer retentionDays) {
    }

    public LogGroupKind() {
        super(KEY, LogGroup.class, List.of("name", "arn"), Set.of());
    }

    @Override
    public LogGroup read(String key, YMap m, StackReading reading) {
        m.allow("name", "retentionDays");
        String name = m.string("name");
        return new LogGroup(key, name == null ? key : name, m.integer("retentionDays"));
    }

    @Override
    public void provision(Map<String, LogGroup> groups, Provisioning p) {
        var logs = p.clients().logs();
        for (LogGroup g : groups.values()) {
            String name = p.name(p.state().resolve(g.name()), io.selfheal.harness.runid.NameLimits.LOG_GROUP);
            logs.createLogGroup(r -> r.logGroupName(name));
            if (g.retentionDays() != null) {
                logs.putRetentionPolicy(r -> r.logGroupName(name).retentionInDays(g.retentionDays()));
            }
            p.put(this, g.key(), "name", name);
            p.put(this, g.key(), "arn", p.arn("logs", "log-group:" + name + ":*"));
        }
    }

    /** The JSON Schema of this kind: its section's description, one entry's schema, and defs it refers to. */
    @Override
    public String schema() {
        return """
            {"description": "CloudWatch Logs log groups (CreateLogGroup), by key.", "entry": {"description": "A CloudWatch Logs log group. References: ${logGroups.<key>.name}, ${logGroups.<key>.arn}.", "type": "object", "additionalProperties": false, "properties": {
              "name": {"description": "The log group name (default: the entry's key).", "type": "string"},
              "retentionDays": {"description": "Retention in days (PutRetentionPolicy's valid values); default: never expire.", "enum": [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]}
            }}
            }
            """;
    }
}
