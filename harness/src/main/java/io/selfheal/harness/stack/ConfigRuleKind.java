package io.selfheal.harness.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfheal.harness.yaml.YMap;
import io.selfheal.harness.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ConfigRule;
import software.amazon.awssdk.services.config.model.MaximumExecutionFrequency;
import software.amazon.awssdk.services.config.model.MessageType;
import software.amazon.awssdk.services.config.model.Owner;
import software.amazon.awssdk.services.config.model.SourceDetail;

/**
 * {@code stack.configRules}: AWS Config rules made with PutConfigRule — AWS managed rules by identifier
 * ({@code managed: INCOMING_SSH_DISABLED}) or custom Lambda rules ({@code function: <key>}, for which the harness grants
 * {@code config.amazonaws.com} {@code lambda:InvokeFunction}, as AWS's setup guide does). Before the first rule the
 * account's Config recording is set up as a team would: a configuration recorder recording all supported types, a
 * delivery channel to a bucket of its own, recording started — unless a recorder exists already.
 */
public final class ConfigRuleKind extends AbstractStackKind<ConfigRuleKind.Rule> {
    public static final String KEY = "configRules";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FREQUENCIES = List.of("One_Hour", "Three_Hours", "Six_Hours", "Twelve_Hours",
            "TwentyFour_Hours");

    /**
     * One rule: exactly one of {@code managed} (the source identifier) and {@code function} (a stack function key).
     *
     * @param parameters    the rule's {@code InputParameters}, as strings
     * @param changes       whether a custom rule is triggered by configuration changes
     * @param frequency     {@code MaximumExecutionFrequency} of a periodic rule ({@code One_Hour} …), or null
     * @param resourceTypes the scope's {@code ComplianceResourceTypes} (empty: none given)
     * @param resourceId    the scope's {@code ComplianceResourceId} (references allowed), or null
     */
    public record Rule(String key, String name, String managed, String function, Map<String, String> parameters,
                       boolean changes, String frequency, List<String> resourceTypes, String resourceId) {
    }

    public ConfigRuleKind() {
        super(KEY, Rule.class, List.of("name", "arn", "id"),
                Set.of(FunctionKind.KEY, SecurityGroupKind.KEY, InstanceKind.KEY));
    }

    @Override
    public Rule read(String key, YMap m, StackReading reading) {
        m.allow("name", "managed", "function", "parameters", "triggers", "frequency", "resourceTypes", "resourceId");
        if (m.has("managed") == m.has("function")) {
            m.node().problem("give exactly one of managed (an AWS managed rule's identifier) or function (a custom "
                    + "Lambda rule)");
            return null;
        }
        String managed = m.string("managed");
        if (managed != null && !managed.matches("[A-Z0-9_]+")) {
            m.get("managed").problem("'" + managed + "' is not a managed rule identifier (like INCOMING_SSH_DISABLED)");
        }
        String function = m.has("function") ? reading.stackKey(FunctionKind.KEY, m.get("function")) : null;
        List<String> triggers = m.has("triggers") ? m.strings("triggers") : List.of();
        for (String t : triggers) {
            if (!t.equals("changes") && !t.equals("periodic")) {
                m.get("triggers").problem("triggers are changes and/or periodic, not '" + t + "'");
            }
        }
        if (managed != null && m.has("triggers")) {
            m.get("triggers").problem("a managed rule's triggers are AWS's: give frequency for a periodic one");
        }
        String frequency = m.has("frequency") ? m.choice("frequency", FREQUENCIES.toArray(String[]::new)) : null;
        boolean periodic = triggers.contains("periodic");
        if (function != null && periodic != (frequency != null)) {
            m.node().problem("a periodic custom rule needs frequency, and frequency needs the periodic trigger");
        }
        boolean changes = function == null || triggers.isEmpty() || triggers.contains("changes");
        String name = m.string("name");
        return new Rule(key, name == null ? key : name, managed, function,
                m.has("parameters") ? m.stringMap("parameters") : Map.of(), changes, frequency,
                m.has("resourceTypes") ? m.strings("resourceTypes") : List.of(), m.string("resourceId"));
    }

    @Override
    public void provision(Map<String, Rule> rules, Provisioning p) {
        ConfigClient config = p.clients().config();
        ConfigRecording.ensure(p);
        for (Rule rule : rules.values()) {
            String name = p.name(rule.name(), io.selfheal.harness.runid.NameLimits.CONFIG_RULE);
            StackState state = p.state();
            String functionArn = rule.function() == null ? null : state.get(FunctionKind.KEY, rule.function(), "arn");
            if (functionArn != null) {
                p.clients().lambda().addPermission(r -> r.functionName(functionArn)
                        .statementId("config-" + name).action("lambda:InvokeFunction")
                        .principal("config.amazonaws.com").sourceAccount(p.accountId()));
            }
            ConfigRule.Builder b = ConfigRule.builder().configRuleName(name)
                    .source(s -> s.owner(functionArn == null ? Owner.AWS : Owner.CUSTOM_LAMBDA)
                            .sourceIdentifier(functionArn == null ? rule.managed() : functionArn)
                            .sourceDetails(functionArn == null ? null : sourceDetails(rule)));
            if (!rule.parameters().isEmpty()) {
                b.inputParameters(JSON.valueToTree(state.resolve(rule.parameters())).toString());
            }
            if (functionArn == null && rule.frequency() != null) {
                b.maximumExecutionFrequency(rule.frequency());
            }
            if (!rule.resourceTypes().isEmpty() || rule.resourceId() != null) {
                b.scope(s -> s.complianceResourceTypes(rule.resourceTypes().isEmpty() ? null : rule.resourceTypes())
                        .complianceResourceId(state.resolve(rule.resourceId())));
            }
            config.putConfigRule(r -> r.configRule(b.build()));
            ConfigRule created = config.describeConfigRules(r -> r.configRuleNames(name)).configRules().get(0);
            p.put(this, rule.key(), "name", name);
            p.put(this, rule.key(), "arn", created.configRuleArn());
            p.put(this, rule.key(), "id", created.configRuleId());
        }
    }

    private static List<SourceDetail> sourceDetails(Rule rule) {
        List<SourceDetail> details = new ArrayList<>();
        if (rule.changes()) {
            details.add(SourceDetail.builder().eventSource("aws.config")
                    .messageType(MessageType.CONFIGURATION_ITEM_CHANGE_NOTIFICATION).build());
            details.add(SourceDetail.builder().eventSource("aws.config")
                    .messageType(MessageType.OVERSIZED_CONFIGURATION_ITEM_CHANGE_NOTIFICATION).build());
        }
        if (rule.frequency() != null) {
            details.add(SourceDetail.builder().eventSource("aws.config")
                    .messageType(MessageType.SCHEDULED_NOTIFICATION)
                    .maximumExecutionFrequency(MaximumExecutionFrequency.fromValue(rule.frequency())).build());
        }
        return details;
    }

    /** The JSON Schema of this kind: its section's description, one entry's schema, and defs it refers to. */
    @Override
    public String schema() {
        return """
            {"description": "AWS Config rules (PutConfigRule), by key. Before the first one the account's recording is set up (a recorder of all supported types, a delivery channel to a bucket of its own, recording started) unless a recorder exists.", "entry": {"description": "An AWS Config rule: exactly one of managed, function. References: ${configRules.<key>.name}, ${configRules.<key>.arn}, ${configRules.<key>.id}.", "type": "object", "additionalProperties": false, "oneOf": [{"required": ["managed"]}, {"required": ["function"]}], "properties": {
              "name": {"description": "The rule name (default: the entry's key).", "type": "string"},
              "managed": {"description": "An AWS managed rule's identifier (Owner AWS), e.g. INCOMING_SSH_DISABLED for restricted-ssh.", "type": "string", "pattern": "^[A-Z0-9_]+$"},
              "function": {"description": "A custom Lambda rule (Owner CUSTOM_LAMBDA): the key of the functions entry Config invokes; the harness grants config.amazonaws.com lambda:InvokeFunction.", "$ref": "#/$defs/stackKey"},
              "parameters": {"description": "The rule's InputParameters (string values; references allowed).", "type": "object", "additionalProperties": {"type": "string"}},
              "triggers": {"description": "A custom rule's triggers (default: changes): configuration changes and/or periodic (then give frequency).", "type": "array", "items": {"enum": ["changes", "periodic"]}},
              "frequency": {"description": "MaximumExecutionFrequency of a periodic rule.", "enum": ["One_Hour", "Three_Hours", "Six_Hours", "Twelve_Hours", "TwentyFour_Hours"]},
              "resourceTypes": {"description": "The scope's resource types, e.g. AWS::EC2::SecurityGroup.", "type": "array", "items": {"type": "string"}},
              "resourceId": {"description": "The scope's one resource id (references allowed, e.g. ${securityGroups.web.id}); needs one resource type.", "type": "string"}
            }}
            }
            """;
    }
}
