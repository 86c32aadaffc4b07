package io.selfheal.harness.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The resources a scenario provisions through the AWS APIs, each under a key that references use
 * ({@code ${instances.web.id}}). Maps keep file order, which is also the order of creation within a kind.
 */
public record Stack(Map<String, Instance> instances, Map<String, Alarm> alarms, Map<String, Function> functions,
                    Map<String, Rule> rules) {

    /** The kinds of resource, as written in references, with the attributes each offers. */
    public static final Map<String, List<String>> REFERENCE_ATTRIBUTES = Map.of(
            "instances", List.of("id", "arn"),
            "alarms", List.of("name", "arn"),
            "functions", List.of("name", "arn"),
            "rules", List.of("name", "arn"));

    public boolean has(String kind, String key) {
        return switch (kind) {
            case "instances" -> instances.containsKey(key);
            case "alarms" -> alarms.containsKey(key);
            case "functions" -> functions.containsKey(key);
            case "rules" -> rules.containsKey(key);
            default -> false;
        };
    }

    /** An EC2 instance started with RunInstances. */
    public record Instance(String key, String imageId, String instanceType, Map<String, String> tags,
                           boolean detailedMonitoring) {
    }

    /** A CloudWatch metric alarm created with PutMetricAlarm. Values may contain references. */
    public record Alarm(String key, String name, String description, String namespace, String metric,
                        Map<String, String> dimensions, String statistic, int period, int evaluationPeriods,
                        Integer datapointsToAlarm, double threshold, String comparison, String treatMissingData) {
    }

    /** A Lambda function created with CreateFunction from a jar or zip. */
    public record Function(String key, String name, Path code, String handler, String runtime, int timeout,
                           int memory, Map<String, String> environment) {
    }

    /** An EventBridge rule on the default bus, created with PutRule and PutTargets. */
    public record Rule(String key, String name, String pattern, boolean enabled, List<Target> targets) {
    }

    /**
     * A rule target. Exactly one of input, inputPath, transformer may be set.
     *
     * @param permission whether the harness grants events.amazonaws.com permission to invoke the function (as the
     *                   team's IaC would); false lets a scenario prove what happens without it
     */
    public record Target(String id, String function, boolean permission, String input, String inputPath,
                         Transformer transformer) {
    }

    /** An EventBridge input transformer. */
    public record Transformer(Map<String, String> inputPathsMap, String inputTemplate) {

        /**
         * From EventBridge's JSON ({@code InputPathsMap}/{@code InputTemplate}, or camel-case as in YAML).
         *
         * @return the transformer, or null when there is no textual input template
         */
        public static Transformer fromJson(com.fasterxml.jackson.databind.JsonNode json) {
            var paths = json.has("InputPathsMap") ? json.get("InputPathsMap") : json.get("inputPathsMap");
            var template = json.has("InputTemplate") ? json.get("InputTemplate") : json.get("inputTemplate");
            if (template == null || !template.isTextual()) {
                return null;
            }
            Map<String, String> map = new java.util.LinkedHashMap<>();
            if (paths != null) {
                paths.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
            }
            return new Transformer(map, template.asText());
        }
    }
}
