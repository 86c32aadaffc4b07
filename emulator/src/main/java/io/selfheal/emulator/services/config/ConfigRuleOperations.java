package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.NoHandlerException;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.messages.CheckFunctionInvocation;
import io.selfheal.emulator.messages.InvokeFunction;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code PutConfigRule}, {@code DescribeConfigRules}, {@code DeleteConfigRule}, {@code StartConfigRulesEvaluation}
 * and {@code DescribeConfigRuleEvaluationStatus}, as the Config API reference documents them
 * (https://docs.aws.amazon.com/config/latest/APIReference/API_PutConfigRule.html …).
 */
final class ConfigRuleOperations {
    /** "Maximum number of AWS Config rules per account per Region" (Service Quotas: 1000). */
    static final int MAX_RULES = 1000;
    private static final int MAX_NAME = 128;

    private final EmulatorContext context;
    private final RegionalStore<RulesRegion> store;
    private final RecorderRole recorders;
    private final RuleEvaluator evaluator;
    private final PeriodicRuns periodic;

    ConfigRuleOperations(EmulatorContext context, RegionalStore<RulesRegion> store, RecorderRole recorders,
                         RuleEvaluator evaluator, PeriodicRuns periodic) {
        this.context = context;
        this.store = store;
        this.recorders = recorders;
        this.evaluator = evaluator;
        this.periodic = periodic;
    }

    JsonNode put(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, ConfigErrors.PARAMS);
        JsonNode node = p.requiredNode("ConfigRule");
        if (!node.isObject()) {
            throw ConfigErrors.PARAMS.invalid("ConfigRule", node.asText(), "Member must be a structure");
        }
        ObjectNode given = (ObjectNode) node;
        if (recorders.roleArn(ctx.accountId(), ctx.region()) == null) {
            throw ConfigErrors.noRecorder();
        }
        RulesRegion region = store.get(ctx);
        synchronized (region) {
            ConfigRule existing = existing(region, given);
            String name = existing != null ? existing.name() : name(given);
            ConfigRule.Definition d = definition(name, given);
            String id = existing != null ? existing.id : context.ids().hex("config-rule", 6);
            String arn = existing != null ? existing.arn : ctx.arn("config", "config-rule/" + id);
            if (d.managed() == null) {
                requireInvocable(ctx, d.sourceIdentifier(), arn);
            }
            ConfigRule rule;
            if (existing != null) {
                existing.definition = d;
                rule = existing;
            } else {
                if (region.rules.size() >= MAX_RULES) {
                    throw ConfigErrors.limitExceeded("Failed to put config rule '" + name + "' because the maximum "
                            + "number of config rules: " + MAX_RULES + " is reached.");
                }
                rule = new ConfigRule(id, arn, ctx.accountId(), ctx.region(), d, context.clock().now());
                region.rules.put(name, rule);
            }
            periodic.schedule(region, rule);
            // AWS evaluates a rule as soon as it is put (and again when its definition changes).
            evaluator.evaluateAll(region, rule);
        }
        return Json.object();
    }

    /** The rule a request names by ARN or id (which must exist), else by name (which may be new). */
    private static ConfigRule existing(RulesRegion region, ObjectNode given) {
        String arn = given.path("ConfigRuleArn").asText(null);
        String id = given.path("ConfigRuleId").asText(null);
        if (arn != null || id != null) {
            for (ConfigRule rule : region.rules.values()) {
                if (rule.arn.equals(arn) || rule.id.equals(id)) {
                    return rule;
                }
            }
            throw ConfigErrors.noSuchRule(arn != null ? arn : id);
        }
        return region.rules.get(name(given));
    }

    private static String name(ObjectNode given) {
        String name = given.path("ConfigRuleName").asText(null);
        if (name == null) {
            throw ConfigErrors.invalidParameter("One or more identifiers (ConfigRuleName, ConfigRuleArn or "
                    + "ConfigRuleId) must be specified for the rule.");
        }
        if (name.isBlank() || name.length() > MAX_NAME) {
            throw ConfigErrors.PARAMS.invalid("configRule.configRuleName", name,
                    "Member must have length less than or equal to " + MAX_NAME);
        }
        return name;
    }

    private ConfigRule.Definition definition(String name, ObjectNode given) {
        JsonNode source = given.get("Source");
        if (source == null || !source.isObject()) {
            throw ConfigErrors.PARAMS.missing("ConfigRule.Source");
        }
        String owner = source.path("Owner").asText(null);
        if (owner == null) {
            throw ConfigErrors.PARAMS.missing("ConfigRule.Source.Owner");
        }
        String identifier = source.path("SourceIdentifier").asText(null);
        List<SourceDetail> details = new ArrayList<>();
        source.path("SourceDetails").forEach(s -> details.add(SourceDetail.parse(s)));
        String description = given.path("Description").asText(null);
        RuleScope scope = RuleScope.parse(given.get("Scope"));
        String inputParameters = given.path("InputParameters").asText(null);
        Map<String, String> parameters = parameters(inputParameters);
        ExecutionFrequency frequency = ExecutionFrequency.parse(given.path("MaximumExecutionFrequency")
                .asText(null), "configRule.maximumExecutionFrequency");
        switch (owner) {
            case ConfigRule.AWS -> {
                ManagedRule managed = managed(identifier);
                if (!details.isEmpty()) {
                    throw ConfigErrors.invalidParameter("SourceDetails should be null/empty if the owner is AWS. "
                            + "SourceDetails is only meant for custom rules.");
                }
                if (frequency != null && !managed.periodic()) {
                    throw ConfigErrors.invalidParameter("A maximum execution frequency is not allowed for rules "
                            + "triggered by configuration changes.");
                }
                Map<String, String> resolved;
                try {
                    resolved = managed.parameters(parameters);
                } catch (IllegalArgumentException e) {
                    throw ConfigErrors.invalidParameter(e.getMessage());
                }
                return new ConfigRule.Definition(name, description, scope, owner, identifier, List.of(),
                        inputParameters, resolved, frequency, managed);
            }
            case ConfigRule.CUSTOM_LAMBDA -> {
                if (identifier == null || identifier.isEmpty()) {
                    throw ConfigErrors.invalidParameter("SourceIdentifier must be the ARN of the rule's AWS Lambda "
                            + "function.");
                }
                if (details.isEmpty()) {
                    throw ConfigErrors.invalidParameter("SourceDetails must be specified for a rule whose owner is "
                            + ConfigRule.CUSTOM_LAMBDA + ".");
                }
                return new ConfigRule.Definition(name, description, scope, owner, identifier, List.copyOf(details),
                        inputParameters, parameters, frequency, null);
            }
            case "CUSTOM_POLICY" -> throw ConfigErrors.invalidParameter("Custom policy rules (Owner CUSTOM_POLICY, "
                    + "Guard policies) are not emulated by selfheal; use an AWS managed rule or a CUSTOM_LAMBDA rule.");
            default -> throw ConfigErrors.PARAMS.invalid("configRule.source.owner", owner,
                    "Member must satisfy enum value set: [CUSTOM_POLICY, AWS, CUSTOM_LAMBDA]");
        }
    }

    private static ManagedRule managed(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            throw ConfigErrors.invalidParameter("The sourceIdentifier is required for a rule whose owner is AWS.");
        }
        ManagedRule rule = ManagedRules.find(identifier);
        if (rule == null) {
            String emulated = ManagedRules.all().stream().map(ManagedRule::identifier).sorted()
                    .collect(Collectors.joining(", "));
            throw ConfigErrors.invalidParameter("The sourceIdentifier " + identifier + " is invalid. Please refer to "
                    + "the documentation for a list of valid sourceIdentifiers that can be used when AWS is the "
                    + "Owner. selfheal evaluates these managed rules: "
                    + (emulated.isEmpty() ? "none yet" : emulated) + ".");
        }
        return rule;
    }

    /** {@code InputParameters}: a JSON object whose values are strings (numbers and booleans read as their text). */
    private static Map<String, String> parameters(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        JsonNode parsed;
        try {
            parsed = Json.parse(json);
        } catch (JsonProcessingException e) {
            throw ConfigErrors.invalidParameter("Invalid json " + json + " passed in the InputParameters field");
        }
        if (!parsed.isObject()) {
            throw ConfigErrors.invalidParameter("Invalid json " + json + " passed in the InputParameters field");
        }
        parsed.fields().forEachRemaining(e -> {
            if (e.getValue().isContainerNode()) {
                throw ConfigErrors.invalidParameter("The value of the input parameter " + e.getKey()
                        + " must be a string.");
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    /**
     * AWS refuses a custom rule whose function it cannot invoke: missing, or its resource policy does not allow
     * {@code config.amazonaws.com} (https://docs.aws.amazon.com/config/latest/APIReference/API_PutConfigRule.html,
     * InsufficientPermissionsException).
     */
    private void requireInvocable(RequestContext ctx, String function, String ruleArn) {
        InvokeFunction.Result result;
        try {
            result = context.bus().ask(new CheckFunctionInvocation(ctx.accountId(), ctx.region(), function,
                    CustomRuleInvoker.PRINCIPAL, ruleArn, ctx.accountId()));
        } catch (NoHandlerException e) {
            result = InvokeFunction.Result.refused("ServiceUnavailable", "Lambda is not running");
        }
        if (!result.accepted()) {
            throw ConfigErrors.insufficientPermissions("The AWS Lambda function " + function + " cannot be invoked. "
                    + "Check the specified function ARN, and check the function's permissions.");
        }
    }

    JsonNode describe(RequestContext ctx, ObjectNode input) {
        return pageOfNamed(ctx, input, "DescribeConfigRules", "ConfigRules", 25, ConfigRule::toApi);
    }

    /** One page of the named (or all) rules, each rendered under the region's monitor. */
    private ObjectNode pageOfNamed(RequestContext ctx, ObjectNode input, String operation, String member, int max,
                                   java.util.function.Function<ConfigRule, ObjectNode> render) {
        Params p = new Params(input, ConfigErrors.PARAMS);
        RulesRegion region = store.get(ctx);
        List<ObjectNode> out = new ArrayList<>();
        synchronized (region) {
            named(region, p.strings("ConfigRuleNames")).forEach(rule -> out.add(render.apply(rule)));
        }
        return ConfigPages.page(operation, member, out, p, max);
    }

    /** The rules a request names (each must exist), or all of them in the order they were put. */
    static List<ConfigRule> named(RulesRegion region, List<String> names) {
        if (names.isEmpty()) {
            return new ArrayList<>(region.rules.values());
        }
        List<ConfigRule> out = new ArrayList<>();
        for (String name : names) {
            out.add(region.rule(name));
        }
        return out;
    }

    JsonNode delete(RequestContext ctx, ObjectNode input) {
        String name = new Params(input, ConfigErrors.PARAMS).required("ConfigRuleName");
        RulesRegion region = store.get(ctx);
        synchronized (region) {
            ConfigRule rule = region.rule(name);
            region.rules.remove(name);
            region.remediations.remove(name);
            rule.deleted = true;
            periodic.cancel(rule);
            rule.results.clear();
        }
        return null;
    }

    JsonNode startEvaluation(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, ConfigErrors.PARAMS);
        List<String> names = p.strings("ConfigRuleNames");
        if (names.size() > 25) {
            throw ConfigErrors.PARAMS.invalid("ConfigRuleNames", String.valueOf(names),
                    "Member must have length less than or equal to 25");
        }
        RulesRegion region = store.get(ctx);
        synchronized (region) {
            for (ConfigRule rule : named(region, names)) {
                evaluator.evaluateAll(region, rule);
            }
        }
        return Json.object();
    }

    JsonNode evaluationStatus(RequestContext ctx, ObjectNode input) {
        return pageOfNamed(ctx, input, "DescribeConfigRuleEvaluationStatus", "ConfigRulesEvaluationStatus", 50,
                ConfigRule::status);
    }
}
