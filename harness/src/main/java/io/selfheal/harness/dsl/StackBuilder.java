package io.selfheal.harness.dsl;

import io.selfheal.harness.scenario.Stack;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The {@code stack} section: resources under keys, created in the order the loader creates them (instances,
 * functions, alarms, rules; within a kind in the order given).
 * {@code stack -> stack.instance("web", i -> i.imageId("ami-…")).alarm("cpuHigh", a -> …)}.
 */
public final class StackBuilder extends Spec<StackBuilder> {
    private Map<String, InstanceSpec> instances = Map.of();
    private Map<String, AlarmSpec> alarms = Map.of();
    private Map<String, FunctionSpec> functions = Map.of();
    private Map<String, RuleSpec> rules = Map.of();

    StackBuilder() {
    }

    public StackBuilder instance(String key, UnaryOperator<InstanceSpec> spec) {
        return with(s -> s.instances = put(s.instances, key, spec.apply(new InstanceSpec())));
    }

    public StackBuilder alarm(String key, UnaryOperator<AlarmSpec> spec) {
        return with(s -> s.alarms = put(s.alarms, key, spec.apply(new AlarmSpec())));
    }

    public StackBuilder function(String key, UnaryOperator<FunctionSpec> spec) {
        return with(s -> s.functions = put(s.functions, key, spec.apply(new FunctionSpec())));
    }

    public StackBuilder rule(String key, UnaryOperator<RuleSpec> spec) {
        return with(s -> s.rules = put(s.rules, key, spec.apply(new RuleSpec())));
    }

    /**
     * Builds the stack; references are checked against the keys of the whole stack, as a file's are.
     *
     * @param checks at the {@code stack} key
     */
    Stack build(Checks checks) {
        // Keys first, so that references and targets can be checked against every resource.
        Stack keys = new Stack(placeholders(instances), placeholders(alarms), placeholders(functions),
                placeholders(rules));
        Checks within = checks.withStack(keys);
        Map<String, Stack.Instance> i = new LinkedHashMap<>();
        instances.forEach((k, v) -> i.put(k, v.build(k, within.at("instances").at(k))));
        Map<String, Stack.Alarm> a = new LinkedHashMap<>();
        alarms.forEach((k, v) -> a.put(k, v.build(k, within.at("alarms").at(k))));
        Map<String, Stack.Function> f = new LinkedHashMap<>();
        functions.forEach((k, v) -> f.put(k, v.build(k, within.at("functions").at(k))));
        Map<String, Stack.Rule> r = new LinkedHashMap<>();
        rules.forEach((k, v) -> r.put(k, v.build(k, within.at("rules").at(k))));
        return new Stack(i, a, f, r);
    }

    private static <T> Map<String, T> put(Map<String, T> map, String key, T value) {
        Map<String, T> next = new LinkedHashMap<>(map);
        next.put(key, value);
        return java.util.Collections.unmodifiableMap(next);
    }

    /** The keys with null values: enough for {@link Stack#has} and "did you mean". */
    private static <T> Map<String, T> placeholders(Map<String, ?> specs) {
        Map<String, T> out = new LinkedHashMap<>();
        specs.keySet().forEach(k -> out.put(k, null));
        return out;
    }
}
