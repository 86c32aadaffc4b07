package io.selfheal.harness.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.harness.yaml.ProblemAt;
import io.selfheal.harness.yaml.YMap;
import io.selfheal.harness.yaml.YNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.eventbridge.model.InputTransformer;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.RuleState;

/**
 * {@code stack.rules}: EventBridge rules on the default bus (PutRule, PutTargets), with what the team's IaC would
 * grant their targets: the permission that lets EventBridge invoke each function target, the connection and API
 * destination of each httpEndpoint target, and (asked of the queue and topic kinds) the policies that let the rule
 * send to its queues, dead-letter queues and topics.
 */
public final class RuleKind extends AbstractStackKind<RuleKind.Rule> {
    public static final String KEY = "rules";

    /** An EventBridge rule on the default bus, created with PutRule and PutTargets. */
    public record Rule(String key, String name, String pattern, boolean enabled, List<Target> targets) {
    }

    /**
     * A rule target: exactly one of function, queue, topic, httpEndpoint (stack keys). Exactly one of input,
     * inputPath, transformer may be set. An httpEndpoint target is an API destination (POST to the endpoint's URL)
     * with its own {@code connection} and {@code rateLimitPerSecond} (InvocationRateLimitPerSecond).
     *
     * @param permission      whether the harness grants events.amazonaws.com permission to invoke the function (as
     *                        the team's IaC would); false lets a scenario prove what happens without it
     * @param retryPolicy     EventBridge's retry policy, null for its default (185 attempts over 24 hours)
     * @param deadLetterQueue a queue key: where EventBridge sends events it could not deliver
     */
    public record Target(String id, String function, String queue, String topic, boolean permission, String input,
                         String inputPath, Transformer transformer, RetryPolicy retryPolicy, String deadLetterQueue,
                         String httpEndpoint, Connection connection, Integer rateLimitPerSecond) {

        /** A target of one of the AWS kinds (no HTTP endpoint). */
        public Target(String id, String function, String queue, String topic, boolean permission, String input,
                      String inputPath, Transformer transformer, RetryPolicy retryPolicy, String deadLetterQueue) {
            this(id, function, queue, topic, permission, input, inputPath, transformer, retryPolicy, deadLetterQueue,
                    null, null, null);
        }
    }

    /** EventBridge's target retry policy. */
    public record RetryPolicy(Integer maximumRetryAttempts, Integer maximumEventAgeInSeconds) {
    }

    /**
     * The EventBridge connection of an {@code httpEndpoint} target: an API key header ({@code API_KEY}) or
     * {@code BASIC} credentials. The default is an API key connection with a dummy key.
     */
    public record Connection(String authorization, String apiKeyName, String apiKeyValue, String username,
                             String password) {
        public static final Connection DEFAULT = new Connection("API_KEY", "x-api-key", "selfheal-dummy-key", null,
                null);
    }

    /** An EventBridge input transformer. */
    public record Transformer(Map<String, String> inputPathsMap, String inputTemplate) {

        /**
         * From EventBridge's JSON ({@code InputPathsMap}/{@code InputTemplate}, or camel-case as in YAML).
         *
         * @return the transformer, or null when there is no textual input template
         */
        public static Transformer fromJson(JsonNode json) {
            var paths = json.has("InputPathsMap") ? json.get("InputPathsMap") : json.get("inputPathsMap");
            var template = json.has("InputTemplate") ? json.get("InputTemplate") : json.get("inputTemplate");
            if (template == null || !template.isTextual()) {
                return null;
            }
            Map<String, String> map = new LinkedHashMap<>();
            if (paths != null) {
                paths.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
            }
            return new Transformer(map, template.asText());
        }
    }

    /** Targets name functions, queues, topics and endpoints; patterns may name instances and alarms. */
    public RuleKind() {
        super(KEY, Rule.class, List.of("name", "arn"), Set.of(FunctionKind.KEY, QueueKind.KEY, TopicKind.KEY, HttpEndpointKind.KEY, InstanceKind.KEY, AlarmKind.KEY));
    }

    @Override
    public Rule read(String key, YMap m, StackReading reading) {
        m.allow("name", "pattern", "state", "targets");
        JsonNode pattern = reading.json(m.require("pattern"));
        List<Target> targets = new ArrayList<>();
        YNode targetList = m.require("targets");
        if (targetList != null) {
            List<YNode> items = targetList.list();
            if (items.isEmpty() && targetList.isSequence()) {
                targetList.problem("a rule needs at least one target");
            }
            for (int i = 0; i < items.size(); i++) {
                targets.add(target(items.get(i).map(), i, reading));
            }
        }
        String state = m.choice("state", "ENABLED", "DISABLED");
        return new Rule(key, StackReading.orElse(m.string("name"), key),
                pattern == null ? null : pattern.toString(), !"DISABLED".equals(state), targets);
    }

    private static Target target(YMap m, int index, StackReading reading) {
        m.allow("id", "function", "queue", "topic", "httpEndpoint", "permission", "input", "inputPath",
                "inputTransformer", "retryPolicy", "deadLetterQueue", "connection", "rateLimitPerSecond");
        int kinds = (m.has("function") ? 1 : 0) + (m.has("queue") ? 1 : 0) + (m.has("topic") ? 1 : 0)
                + (m.has("httpEndpoint") ? 1 : 0);
        if (kinds != 1) {
            m.node().problem("a target needs exactly one of function, queue, topic or httpEndpoint");
        }
        String endpoint = m.has("httpEndpoint") ? reading.stackKey(HttpEndpointKind.KEY, m.get("httpEndpoint"))
                : null;
        int inputs = (m.has("input") ? 1 : 0) + (m.has("inputPath") ? 1 : 0) + (m.has("inputTransformer") ? 1 : 0);
        JsonNode input = m.has("input") ? reading.json(m.get("input")) : null;
        YNode transformerNode = m.get("inputTransformer");
        Transformer transformer = transformerNode == null ? null
                : transformer(reading.json(transformerNode), transformerNode::problem);
        Boolean permission = m.bool("permission");
        Integer rateLimit = checkTarget(m.has("function"), m.has("httpEndpoint"), inputs, m.has("connection"),
                m.has("rateLimitPerSecond") ? m.integer("rateLimitPerSecond") : null, permission != null,
                m.problems());
        String function = m.has("function") ? reading.stackKey(FunctionKind.KEY, m.get("function")) : null;
        String queue = m.has("queue") ? reading.stackKey(QueueKind.KEY, m.get("queue")) : null;
        String topic = m.has("topic") ? reading.stackKey(TopicKind.KEY, m.get("topic")) : null;
        RetryPolicy retry = null;
        if (m.has("retryPolicy")) {
            YMap r = m.get("retryPolicy").map().allow("maximumRetryAttempts", "maximumEventAgeInSeconds");
            retry = new RetryPolicy(r.integer("maximumRetryAttempts"), r.integer("maximumEventAgeInSeconds"));
        }
        String dlq = m.has("deadLetterQueue") ? reading.stackKey(QueueKind.KEY, m.get("deadLetterQueue")) : null;
        return new Target(StackReading.orElse(m.string("id"), "target-" + (index + 1)),
                function, queue, topic, permission == null || permission,
                input == null ? null : input.isTextual() ? input.asText() : input.toString(), m.string("inputPath"),
                transformer, retry, dlq, endpoint,
                m.has("httpEndpoint") ? connection(m.get("connection")) : null, rateLimit);
    }

    /**
     * A target's rules across its fields, for the YAML reader and the Java DSL alike (as in EventBridge): at most one
     * of input, inputPath and inputTransformer; a connection and a rate limit (at least 1) for API destinations only;
     * the invoke permission for functions only.
     *
     * @return the rate limit to use: null unless an httpEndpoint target gives a valid one
     */
    public static Integer checkTarget(boolean function, boolean httpEndpoint, int inputs, boolean connectionGiven,
                                      Integer rateLimit, boolean permissionGiven, ProblemAt problems) {
        if (inputs > 1) {
            problems.problem("", "input, inputPath and inputTransformer are mutually exclusive (as in EventBridge)");
        }
        if (!httpEndpoint && connectionGiven) {
            problems.problem("connection", "connection applies to httpEndpoint targets only");
        }
        if (!httpEndpoint && rateLimit != null) {
            problems.problem("rateLimitPerSecond", "rateLimitPerSecond applies to httpEndpoint targets only");
        } else if (rateLimit != null && rateLimit < 1) {
            problems.problem("rateLimitPerSecond", "rateLimitPerSecond must be at least 1 (as in EventBridge)");
        }
        if (permissionGiven && !function) {
            problems.problem("permission", "permission applies to function targets only");
        }
        return httpEndpoint && rateLimit != null && rateLimit >= 1 ? rateLimit : null;
    }

    /** An input transformer from its JSON (null for none); a problem when it has no textual inputTemplate. */
    public static Transformer transformer(JsonNode json, java.util.function.Consumer<String> problem) {
        if (json == null) {
            return null;
        }
        Transformer transformer = Transformer.fromJson(json);
        if (transformer == null) {
            problem.accept("an input transformer needs inputTemplate (text) and optionally inputPathsMap");
        }
        return transformer;
    }

    /** A target's {@code connection}: exactly one of apiKey or basic; {@link Connection#DEFAULT} without. */
    private static Connection connection(YNode node) {
        if (node == null) {
            return Connection.DEFAULT;
        }
        YMap m = node.map().allow("apiKey", "basic");
        if (m.has("apiKey") == m.has("basic")) {
            node.problem("a connection needs exactly one of apiKey or basic");
            return Connection.DEFAULT;
        }
        if (m.has("apiKey")) {
            YMap key = m.get("apiKey").map().allow("name", "value");
            return new Connection("API_KEY", StackReading.orElse(key.string("name"), Connection.DEFAULT.apiKeyName()),
                    StackReading.orElse(key.string("value"), Connection.DEFAULT.apiKeyValue()), null, null);
        }
        YMap basic = m.get("basic").map().allow("username", "password");
        return new Connection("BASIC", null, null, basic.requiredString("username"), basic.requiredString("password"));
    }

    @Override
    public void provision(Map<String, Rule> rules, Provisioning p) {
        rules.values().forEach(rule -> provision(rule, p));
    }

    private void provision(Rule spec, Provisioning p) {
        StackState state = p.state();
        var events = p.clients().events();
        String name = p.name(spec.name(), io.selfheal.harness.runid.NameLimits.EVENTS_NAME);
        String ruleArn = events.putRule(r -> r.name(name).eventPattern(state.resolve(spec.pattern()))
                .state(spec.enabled() ? RuleState.ENABLED : RuleState.DISABLED)).ruleArn();
        p.put(this, spec.key(), "name", name);
        p.put(this, spec.key(), "arn", ruleArn);
        List<software.amazon.awssdk.services.eventbridge.model.Target> targets = new ArrayList<>();
        var apiDestinations = new ApiDestinations(events, state, p.accountId(), p);
        for (Target t : spec.targets()) {
            String targetArn = t.function() != null ? state.get(FunctionKind.KEY, t.function(), "arn")
                    : t.queue() != null ? state.get(QueueKind.KEY, t.queue(), "arn")
                    : t.topic() != null ? state.get(TopicKind.KEY, t.topic(), "arn") : apiDestinations.create(spec, t);
            if (t.function() != null && t.permission()) {
                p.clients().lambda().addPermission(r -> r.functionName(targetArn)
                        .statementId("events-" + spec.name() + "-" + t.id()).action("lambda:InvokeFunction")
                        .principal("events.amazonaws.com").sourceArn(ruleArn));
            }
            for (String queue : new String[] {t.queue(), t.deadLetterQueue()}) {
                if (queue != null) {
                    p.allow(QueueKind.KEY, queue, "events.amazonaws.com", "sqs:SendMessage", ruleArn);
                }
            }
            if (t.topic() != null) {
                p.allow(TopicKind.KEY, t.topic(), "events.amazonaws.com", "sns:Publish", ruleArn);
            }
            var target = software.amazon.awssdk.services.eventbridge.model.Target.builder().id(t.id()).arn(targetArn);
            if (t.httpEndpoint() != null) {
                target.roleArn(apiDestinations.roleArn(spec));
            }
            if (t.retryPolicy() != null) {
                target.retryPolicy(r -> r.maximumRetryAttempts(t.retryPolicy().maximumRetryAttempts())
                        .maximumEventAgeInSeconds(t.retryPolicy().maximumEventAgeInSeconds()));
            }
            if (t.deadLetterQueue() != null) {
                target.deadLetterConfig(d -> d.arn(state.get(QueueKind.KEY, t.deadLetterQueue(), "arn")));
            }
            if (t.input() != null) {
                target.input(state.resolve(t.input()));
            } else if (t.inputPath() != null) {
                target.inputPath(t.inputPath());
            } else if (t.transformer() != null) {
                target.inputTransformer(InputTransformer.builder().inputPathsMap(t.transformer().inputPathsMap())
                        .inputTemplate(state.resolve(t.transformer().inputTemplate())).build());
            }
            targets.add(target.build());
        }
        PutTargetsResponse response = events.putTargets(r -> r.rule(name).targets(targets));
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            throw new IllegalStateException("PutTargets refused targets of rule " + spec.name() + ": "
                    + response.failedEntries());
        }
    }

    /** The JSON Schema of this kind: its section's description, one entry's schema, and defs it refers to. */
    @Override
    public String schema() {
        return """
            {"description": "EventBridge rules on the default bus (PutRule, PutTargets), by key.", "entry": {"description": "An EventBridge rule on the default bus. References: ${rules.<key>.name}, ${rules.<key>.arn}.", "type": "object", "additionalProperties": false, "required": ["pattern", "targets"], "properties": {
              "name": {"description": "The rule name (default: the entry's key).", "type": "string"},
              "pattern": {"description": "The event pattern: inline YAML, JSON text, a .json file relative to the scenario, or classpath:<resource>.", "$ref": "#/$defs/json"},
              "state": {"description": "ENABLED (default) or DISABLED.", "enum": ["ENABLED", "DISABLED"], "default": "ENABLED"},
              "targets": {"description": "The rule's targets (at least one).", "type": "array", "minItems": 1, "items": {"$ref": "#/$defs/target"}}
            }},
            "defs": {
            "target": {"description": "A rule target: exactly one of function, queue, topic, httpEndpoint of the stack. At most one of input, inputPath, inputTransformer.", "type": "object", "additionalProperties": false, "oneOf": [{"required": ["function"]}, {"required": ["queue"]}, {"required": ["topic"]}, {"required": ["httpEndpoint"]}], "dependentRequired": {"permission": ["function"], "connection": ["httpEndpoint"], "rateLimitPerSecond": ["httpEndpoint"]}, "not": {"anyOf": [{"required": ["input", "inputPath"]}, {"required": ["input", "inputTransformer"]}, {"required": ["inputPath", "inputTransformer"]}]}, "properties": {
              "id": {"description": "The target id (default target-<n>, n counting from 1).", "type": "string"},
              "function": {"description": "The key of the functions entry to invoke.", "$ref": "#/$defs/stackKey"},
              "queue": {"description": "The key of the queues entry to send the event to.", "$ref": "#/$defs/stackKey"},
              "topic": {"description": "The key of the topics entry to publish the event to.", "$ref": "#/$defs/stackKey"},
              "httpEndpoint": {"description": "The key of the httpEndpoints entry to call (POST), through an EventBridge API destination and connection.", "$ref": "#/$defs/stackKey"},
              "connection": {"description": "httpEndpoint targets only: the connection's authorization, apiKey or basic (default: header x-api-key with a dummy value).", "type": "object", "additionalProperties": false, "minProperties": 1, "maxProperties": 1, "properties": {"apiKey": {"description": "API key authorization: a header sent with every call.", "type": "object", "additionalProperties": false, "required": ["value"], "properties": {"name": {"description": "The header name (default x-api-key).", "type": "string"}, "value": {"description": "The header value.", "type": "string"}}}, "basic": {"description": "Basic authorization.", "type": "object", "additionalProperties": false, "required": ["username", "password"], "properties": {"username": {"description": "The user name.", "type": "string"}, "password": {"description": "The password.", "type": "string"}}}}},
              "rateLimitPerSecond": {"description": "httpEndpoint targets only: the API destination's InvocationRateLimitPerSecond (default 300).", "type": "integer", "minimum": 1},
              "permission": {"description": "Function targets only: whether the harness grants events.amazonaws.com permission to invoke the function, as IaC would (default true; false proves what happens without it).", "type": "boolean", "default": true},
              "retryPolicy": {"description": "EventBridge's retry policy for failed deliveries.", "type": "object", "additionalProperties": false, "properties": {"maximumRetryAttempts": {"description": "Retries, 0 to 185 (default 185).", "type": "integer", "minimum": 0, "maximum": 185}, "maximumEventAgeInSeconds": {"description": "How long to keep retrying, 60 to 86400 seconds (default 86400).", "type": "integer", "minimum": 60, "maximum": 86400}}},
              "deadLetterQueue": {"description": "The key of the queues entry that receives events that could not be delivered.", "$ref": "#/$defs/stackKey"},
              "input": {"description": "Constant input instead of the event: JSON (inline YAML, JSON text, file, classpath:) or plain text.", "type": ["object", "array", "string", "number", "boolean"]},
              "inputPath": {"description": "A JSONPath selecting the part of the event passed, e.g. $.detail.", "type": "string"},
              "inputTransformer": {"description": "An input transformer: inline, JSON text, a .json file relative to the scenario, or classpath:<resource>.", "anyOf": [{"type": "string"}, {"type": "object", "additionalProperties": false, "properties": {"inputPathsMap": {"description": "Names to JSONPaths into the event.", "type": "object", "additionalProperties": {"type": "string"}}, "inputTemplate": {"description": "The template the names are substituted into, as <name>.", "type": "string"}, "InputPathsMap": {"description": "AWS's spelling of inputPathsMap.", "type": "object", "additionalProperties": {"type": "string"}}, "InputTemplate": {"description": "AWS's spelling of inputTemplate.", "type": "string"}}, "anyOf": [{"required": ["inputTemplate"]}, {"required": ["InputTemplate"]}]}]}
            }}
            }
            }
            """;
    }
}
