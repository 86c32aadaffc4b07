package io.selfheal.harness.dsl;

import io.selfheal.harness.stack.LogGroupKind;
import io.selfheal.harness.stack.TopicKind;
import io.selfheal.harness.stack.QueueKind;
import io.selfheal.harness.stack.SecurityGroupKind;
import io.selfheal.harness.stack.RuleKind;
import io.selfheal.harness.stack.ConfigRuleKind;
import io.selfheal.harness.stack.FunctionKind;
import io.selfheal.harness.stack.AlarmKind;
import io.selfheal.harness.stack.AutoScalingGroupKind;
import io.selfheal.harness.stack.InstanceKind;
import io.selfheal.harness.stack.HttpEndpointKind;
import io.selfheal.harness.stack.Stack;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The {@code stack} section: resources under keys, created in the order the provisioner creates them from a file
 * (within a kind, in the order given).
 * {@code stack -> stack.instance("web", i -> i.imageId("ami-…")).alarm("cpuHigh", a -> …)}.
 */
public final class StackBuilder extends Spec<StackBuilder> {
    private Map<String, InstanceSpec> instances = Map.of();
    private Map<String, AlarmSpec> alarms = Map.of();
    private Map<String, FunctionSpec> functions = Map.of();
    private Map<String, RuleSpec> rules = Map.of();
    private Map<String, SecurityGroupSpec> securityGroups = Map.of();
    private Map<String, QueueSpec> queues = Map.of();
    private Map<String, TopicSpec> topics = Map.of();
    private Map<String, LogGroupSpec> logGroups = Map.of();
    private Map<String, HttpEndpointSpec> httpEndpoints = Map.of();
    private Map<String, ConfigRuleSpec> configRules = Map.of();
    private Map<String, AutoScalingGroupSpec> autoScalingGroups = Map.of();

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

    public StackBuilder securityGroup(String key, UnaryOperator<SecurityGroupSpec> spec) {
        return with(s -> s.securityGroups = put(s.securityGroups, key, spec.apply(new SecurityGroupSpec())));
    }

    public StackBuilder queue(String key, UnaryOperator<QueueSpec> spec) {
        return with(s -> s.queues = put(s.queues, key, spec.apply(new QueueSpec())));
    }

    public StackBuilder topic(String key, UnaryOperator<TopicSpec> spec) {
        return with(s -> s.topics = put(s.topics, key, spec.apply(new TopicSpec())));
    }

    public StackBuilder logGroup(String key, UnaryOperator<LogGroupSpec> spec) {
        return with(s -> s.logGroups = put(s.logGroups, key, spec.apply(new LogGroupSpec())));
    }

    /** An HTTP endpoint outside AWS (a webhook), stood in by WireMock; its URL is {@code Refs.httpEndpoint(key).url()}. */
    public StackBuilder httpEndpoint(String key, UnaryOperator<HttpEndpointSpec> spec) {
        return with(s -> s.httpEndpoints = put(s.httpEndpoints, key, spec.apply(new HttpEndpointSpec())));
    }

    /** An AWS Config rule (managed or custom); the account's recording is set up before the first one. */
    public StackBuilder configRule(String key, UnaryOperator<ConfigRuleSpec> spec) {
        return with(s -> s.configRules = put(s.configRules, key, spec.apply(new ConfigRuleSpec())));
    }

    /** An Auto Scaling group launching from its own launch template; name its instances with instance entries. */
    public StackBuilder autoScalingGroup(String key, UnaryOperator<AutoScalingGroupSpec> spec) {
        return with(s -> s.autoScalingGroups = put(s.autoScalingGroups, key, spec.apply(new AutoScalingGroupSpec())));
    }

    /**
     * Builds the stack; references are checked against the keys of the whole stack, as a file's are.
     *
     * @param checks at the {@code stack} key
     */
    Stack build(Checks checks) {
        // Keys first, so that references and targets can be checked against every resource.
        Map<String, Map<String, Object>> keyed = byKind(placeholders(instances), placeholders(alarms),
                placeholders(functions), placeholders(rules), placeholders(securityGroups), placeholders(queues),
                placeholders(topics), placeholders(logGroups), placeholders(httpEndpoints), placeholders(configRules));
        keyed.put(AutoScalingGroupKind.KEY, new LinkedHashMap<>(placeholders(autoScalingGroups)));
        Checks within = checks.withStack(new Stack(keyed));
        Map<String, Map<String, Object>> built = byKind(
                each(instances, within.at(InstanceKind.KEY), InstanceSpec::build),
                each(alarms, within.at(AlarmKind.KEY), AlarmSpec::build),
                each(functions, within.at(FunctionKind.KEY), FunctionSpec::build),
                each(rules, within.at(RuleKind.KEY), RuleSpec::build),
                each(securityGroups, within.at(SecurityGroupKind.KEY), SecurityGroupSpec::build),
                each(queues, within.at(QueueKind.KEY), QueueSpec::build),
                each(topics, within.at(TopicKind.KEY), TopicSpec::build),
                each(logGroups, within.at(LogGroupKind.KEY), LogGroupSpec::build),
                endpoints(within.at(HttpEndpointKind.KEY)),
                each(configRules, within.at(ConfigRuleKind.KEY), ConfigRuleSpec::build));
        built.put(AutoScalingGroupKind.KEY, new LinkedHashMap<>(each(autoScalingGroups,
                within.at(AutoScalingGroupKind.KEY), AutoScalingGroupSpec::build)));
        return new Stack(built);
    }

    private static Map<String, Map<String, Object>> byKind(Map<String, ?> instances, Map<String, ?> alarms,
            Map<String, ?> functions, Map<String, ?> rules, Map<String, ?> securityGroups, Map<String, ?> queues,
            Map<String, ?> topics, Map<String, ?> logGroups, Map<String, ?> httpEndpoints,
            Map<String, ?> configRules) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        out.put(InstanceKind.KEY, new LinkedHashMap<>(instances));
        out.put(AlarmKind.KEY, new LinkedHashMap<>(alarms));
        out.put(FunctionKind.KEY, new LinkedHashMap<>(functions));
        out.put(RuleKind.KEY, new LinkedHashMap<>(rules));
        out.put(SecurityGroupKind.KEY, new LinkedHashMap<>(securityGroups));
        out.put(QueueKind.KEY, new LinkedHashMap<>(queues));
        out.put(TopicKind.KEY, new LinkedHashMap<>(topics));
        out.put(LogGroupKind.KEY, new LinkedHashMap<>(logGroups));
        out.put(HttpEndpointKind.KEY, new LinkedHashMap<>(httpEndpoints));
        out.put(ConfigRuleKind.KEY, new LinkedHashMap<>(configRules));
        return out;
    }

    /** The endpoints, each on its own path of the one server (the loader's rule). */
    private Map<String, HttpEndpointKind.HttpEndpoint> endpoints(Checks kind) {
        Map<String, String> paths = new java.util.HashMap<>();
        return each(httpEndpoints, kind, (spec, key, checks) -> spec.build(key, checks, paths));
    }

    /** How one kind of spec builds its model under its key. */
    private interface Builds<S, T> {
        T build(S spec, String key, Checks checks);
    }

    private static <S, T> Map<String, T> each(Map<String, S> specs, Checks kind, Builds<S, T> builds) {
        Map<String, T> out = new LinkedHashMap<>();
        specs.forEach((key, spec) -> out.put(key, builds.build(spec, key, kind.at(key))));
        return out;
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
