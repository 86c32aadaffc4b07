package io.selfheal.harness.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfheal.emulator.services.lambda.runtime.RuntimeCatalog;
import io.selfheal.harness.yaml.YMap;
import io.selfheal.harness.yaml.YNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Reads the {@code stack} section. Defaults follow AWS's own (a function's timeout is 3 s unless set). */
final class StackReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] COMPARISONS = {"GreaterThanThreshold", "GreaterThanOrEqualToThreshold",
        "LessThanThreshold", "LessThanOrEqualToThreshold"};

    private final Path scenarioDir;
    private java.util.Set<String> functionKeys = java.util.Set.of();
    private java.util.Set<String> groupKeys = java.util.Set.of();
    private java.util.Set<String> topicKeys = java.util.Set.of();
    private java.util.Set<String> endpointKeys = java.util.Set.of();
    private MessagingReader messaging = new MessagingReader(java.util.Set.of());

    StackReader(Path scenarioDir) {
        this.scenarioDir = scenarioDir;
    }

    Stack read(YNode node) {
        YMap stack = node == null ? null : node.map().allow("securityGroups", "queues", "topics", "logGroups",
                "instances", "alarms", "functions", "rules", "httpEndpoints");
        if (stack == null) {
            return new Stack(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                    Map.of());
        }
        groupKeys = MessagingReader.keys(stack, "securityGroups");
        messaging = new MessagingReader(MessagingReader.keys(stack, "queues"));
        topicKeys = MessagingReader.keys(stack, "topics");
        var queues = each(stack, "queues", messaging::queue);
        var topics = each(stack, "topics", messaging::topic);
        var logGroups = each(stack, "logGroups", MessagingReader::logGroup);
        var httpEndpoints = each(stack, "httpEndpoints", new HttpEndpointReader()::endpoint);
        endpointKeys = httpEndpoints.keySet();
        var securityGroups = each(stack, "securityGroups", new SecurityGroupReader(groupKeys)::group);
        var instances = each(stack, "instances", this::instance);
        var alarms = each(stack, "alarms", this::alarm);
        var functions = each(stack, "functions", this::function);
        functionKeys = functions.keySet();
        return new Stack(instances, alarms, functions, each(stack, "rules", this::rule), securityGroups,
                queues, topics, logGroups, httpEndpoints);
    }

    private static <T> Map<String, T> each(YMap stack, String kind, BiFunction<String, YMap, T> reader) {
        Map<String, T> out = new LinkedHashMap<>();
        YNode section = stack.get(kind);
        if (section != null) {
            section.map().entries().forEach((key, spec) -> {
                T value = reader.apply(key, spec.map());
                if (value != null) {
                    out.put(key, value);
                }
            });
        }
        return out;
    }

    private Stack.Instance instance(String key, YMap m) {
        m.allow("imageId", "instanceType", "tags", "monitoring", "securityGroups");
        List<String> groups = new ArrayList<>();
        if (m.has("securityGroups")) {
            for (YNode group : m.get("securityGroups").list()) {
                String k = stackKey("securityGroups", groupKeys, group);
                if (k != null) {
                    groups.add(k);
                }
            }
        }
        return new Stack.Instance(key, m.requiredString("imageId"), orElse(m.string("instanceType"), "t3.micro"),
                m.stringMap("tags"), "detailed".equals(m.choice("monitoring", "basic", "detailed")), groups);
    }

    private Stack.Alarm alarm(String key, YMap m) {
        m.allow("name", "description", "namespace", "metric", "dimensions", "statistic", "period",
                "evaluationPeriods", "datapointsToAlarm", "threshold", "comparison", "treatMissingData");
        String statistic = m.choice("statistic", "Average", "Sum", "Minimum", "Maximum", "SampleCount");
        String comparison = m.choice("comparison", COMPARISONS);
        if (!m.has("comparison")) {
            m.require("comparison");
        }
        Double threshold = m.number("threshold");
        if (!m.has("threshold")) {
            m.require("threshold");
        }
        Integer period = m.integer("period");
        Integer evaluationPeriods = m.integer("evaluationPeriods");
        Integer datapointsToAlarm = m.integer("datapointsToAlarm");
        AlarmLimits.check(m, period, evaluationPeriods, datapointsToAlarm);
        return new Stack.Alarm(key, m.requiredString("name"), m.string("description"), m.requiredString("namespace"),
                m.requiredString("metric"), m.stringMap("dimensions"), orElse(statistic, "Average"),
                orElse(period, 300), orElse(evaluationPeriods, 1), datapointsToAlarm,
                threshold == null ? 0 : threshold, comparison,
                m.choice("treatMissingData", "missing", "ignore", "breaching", "notBreaching"));
    }

    private Stack.Function function(String key, YMap m) {
        m.allow("name", "code", "handler", "runtime", "timeout", "memory", "environment", "rolePolicy");
        JsonNode policy = m.has("rolePolicy") ? json(m.get("rolePolicy")) : null;
        if (policy != null) {
            String problem = PolicyShape.problem(policy);
            if (problem != null) {
                m.get("rolePolicy").problem(problem);
                policy = null;
            }
        }
        Path code = null;
        String codeRef = m.requiredString("code");
        if (codeRef != null) {
            code = ResourceText.resolve(codeRef, scenarioDir);
            if (!Files.exists(code)) {
                m.get("code").problem("no file " + code + " (build it first: mvn -DskipTests package)");
            }
        }
        return new Stack.Function(key, orElse(m.string("name"), key), code, m.requiredString("handler"),
                orElse(m.choice("runtime", RuntimeCatalog.identifiers().toArray(String[]::new)), "java17"), orElse(m.integer("timeout"), 3),
                orElse(m.integer("memory"), 128), m.stringMap("environment"),
                policy == null ? null : policy.toString());
    }

    private Stack.Rule rule(String key, YMap m) {
        m.allow("name", "pattern", "state", "targets");
        JsonNode pattern = json(m.require("pattern"));
        List<Stack.Target> targets = new ArrayList<>();
        YNode targetList = m.require("targets");
        if (targetList != null) {
            List<YNode> items = targetList.list();
            if (items.isEmpty() && targetList.isSequence()) {
                targetList.problem("a rule needs at least one target");
            }
            for (int i = 0; i < items.size(); i++) {
                targets.add(target(items.get(i).map(), i));
            }
        }
        String state = m.choice("state", "ENABLED", "DISABLED");
        return new Stack.Rule(key, orElse(m.string("name"), key), pattern == null ? null : pattern.toString(),
                !"DISABLED".equals(state), targets);
    }

    private Stack.Target target(YMap m, int index) {
        m.allow("id", "function", "queue", "topic", "httpEndpoint", "permission", "input", "inputPath",
                "inputTransformer", "retryPolicy", "deadLetterQueue", "connection", "rateLimitPerSecond");
        int kinds = (m.has("function") ? 1 : 0) + (m.has("queue") ? 1 : 0) + (m.has("topic") ? 1 : 0)
                + (m.has("httpEndpoint") ? 1 : 0);
        if (kinds != 1) {
            m.node().problem("a target needs exactly one of function, queue, topic or httpEndpoint");
        }
        for (String apiDestinationOnly : new String[] {"connection", "rateLimitPerSecond"}) {
            if (m.has(apiDestinationOnly) && !m.has("httpEndpoint")) {
                m.get(apiDestinationOnly).problem(apiDestinationOnly + " applies to httpEndpoint targets only");
            }
        }
        String endpoint = m.has("httpEndpoint") ? stackKey("httpEndpoints", endpointKeys, m.get("httpEndpoint"))
                : null;
        int inputs = (m.has("input") ? 1 : 0) + (m.has("inputPath") ? 1 : 0) + (m.has("inputTransformer") ? 1 : 0);
        if (inputs > 1) {
            m.node().problem("input, inputPath and inputTransformer are mutually exclusive (as in EventBridge)");
        }
        JsonNode input = m.has("input") ? json(m.get("input")) : null;
        Stack.Transformer transformer = m.has("inputTransformer") ? transformer(m.get("inputTransformer")) : null;
        Boolean permission = m.bool("permission");
        if (permission != null && !m.has("function")) {
            m.get("permission").problem("permission applies to function targets only");
        }
        String function = m.has("function") ? functionKey(m.get("function")) : null;
        String queue = m.has("queue") ? messaging.queueKey(m.get("queue")) : null;
        String topic = m.has("topic") ? stackKey("topics", topicKeys, m.get("topic")) : null;
        Stack.RetryPolicy retry = null;
        if (m.has("retryPolicy")) {
            YMap r = m.get("retryPolicy").map().allow("maximumRetryAttempts", "maximumEventAgeInSeconds");
            retry = new Stack.RetryPolicy(r.integer("maximumRetryAttempts"), r.integer("maximumEventAgeInSeconds"));
        }
        String dlq = m.has("deadLetterQueue") ? messaging.queueKey(m.get("deadLetterQueue")) : null;
        return new Stack.Target(orElse(m.string("id"), "target-" + (index + 1)),
                function, queue, topic, permission == null || permission,
                input == null ? null : input.isTextual() ? input.asText() : input.toString(), m.string("inputPath"),
                transformer, retry, dlq, endpoint,
                m.has("httpEndpoint") ? HttpEndpointReader.connection(m.get("connection")) : null,
                m.has("httpEndpoint") ? HttpEndpointReader.rateLimit(m) : null);
    }

    private String functionKey(YNode node) {
        return stackKey("functions", functionKeys, node);
    }

    /** A key of another stack entry, read before this one; a problem with a did-you-mean if there is none. */
    private static String stackKey(String kind, java.util.Set<String> known, YNode node) {
        String key = node == null ? null : node.text();
        if (key != null && !known.contains(key)) {
            String suggestion = io.selfheal.harness.yaml.Suggestions.closest(key, known);
            node.problem("no " + kind + " entry '" + key + "' in stack"
                    + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : ""));
            return null;
        }
        return key;
    }

    private Stack.Transformer transformer(YNode node) {
        JsonNode json = json(node);
        if (json == null) {
            return null;
        }
        Stack.Transformer transformer = Stack.Transformer.fromJson(json);
        if (transformer == null) {
            node.problem("an input transformer needs inputTemplate (text) and optionally inputPathsMap");
        }
        return transformer;
    }

    /** Inline YAML, inline JSON text, {@code classpath:…} or a file path: all become JSON. */
    private JsonNode json(YNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isScalar()) {
            return node.toJson();
        }
        String text = node.text();
        String trimmed = text.trim();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            if (!trimmed.startsWith("classpath:") && !trimmed.endsWith(".json")) {
                return JSON.getNodeFactory().textNode(text);
            }
            text = ResourceText.read(trimmed, scenarioDir, node);
            if (text == null) {
                return null;
            }
        }
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Jackson's own location is relative to the JSON text; the problem's position is the file's.
            node.problem("not valid JSON: " + e.getOriginalMessage().replaceAll("\\s*\\(start marker.*$", ""));
            return null;
        }
    }

    private static <T> T orElse(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
