package io.selfheal.harness.dsl;

import io.selfheal.harness.stack.ConfigRuleKind;
import io.selfheal.harness.stack.FunctionKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An AWS Config rule of the stack ({@code stack.configRules.<key>}): {@code r -> r.managed("INCOMING_SSH_DISABLED")}
 * or {@code r -> r.function("sshRule").periodic("One_Hour")}; named by its key unless named.
 */
public final class ConfigRuleSpec extends Spec<ConfigRuleSpec> {
    private String name;
    private String managed;
    private String function;
    private Map<String, String> parameters = Map.of();
    private boolean changes = true;
    private String frequency;
    private List<String> resourceTypes = List.of();
    private String resourceId;

    ConfigRuleSpec() {
    }

    public ConfigRuleSpec name(String name) {
        return with(s -> s.name = name);
    }

    /** An AWS managed rule by its identifier (Owner AWS). */
    public ConfigRuleSpec managed(String identifier) {
        return with(s -> s.managed = identifier);
    }

    /** A custom Lambda rule backed by the stack function {@code key}, triggered by configuration changes. */
    public ConfigRuleSpec function(String key) {
        return with(s -> s.function = key);
    }

    public ConfigRuleSpec parameter(String key, String value) {
        return with(s -> {
            Map<String, String> more = new LinkedHashMap<>(s.parameters);
            more.put(key, value);
            s.parameters = Map.copyOf(more);
        });
    }

    /** Runs on a schedule ({@code One_Hour} …); a custom rule then runs on the schedule only. */
    public ConfigRuleSpec periodic(String maximumExecutionFrequency) {
        return with(s -> {
            s.frequency = maximumExecutionFrequency;
            s.changes = false;
        });
    }

    /** A periodic custom rule that is also triggered by configuration changes. */
    public ConfigRuleSpec alsoOnChanges() {
        return with(s -> s.changes = true);
    }

    public ConfigRuleSpec resourceTypes(String... types) {
        return with(s -> s.resourceTypes = List.of(types));
    }

    public ConfigRuleSpec resourceId(String id) {
        return with(s -> s.resourceId = id);
    }

    ConfigRuleKind.Rule build(String key, Checks checks) {
        if ((managed == null) == (function == null)) {
            checks.problem("give exactly one of managed (an AWS managed rule's identifier) or function (a custom "
                    + "Lambda rule)");
        }
        String fn = function == null ? null : checks.stackKey("function", FunctionKind.KEY, function);
        String freq = frequency == null ? null : checks.choice("frequency", frequency, "One_Hour", "Three_Hours",
                "Six_Hours", "Twelve_Hours", "TwentyFour_Hours");
        if (resourceId != null) {
            checks.references(resourceId);
        }
        return new ConfigRuleKind.Rule(key, name == null ? key : name, managed, fn, parameters,
                managed != null || changes, freq, resourceTypes, resourceId);
    }
}
