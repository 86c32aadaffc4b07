package io.selfheal.harness.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The resources a scenario provisions through the AWS APIs, each under a key that references use
 * ({@code ${instances.web.id}}). Maps keep file order, which is also the order of creation within a kind.
 */
public record Stack(Map<String, Instance> instances, Map<String, Alarm> alarms, Map<String, Function> functions,
                    Map<String, Rule> rules, Map<String, SecurityGroup> securityGroups, Map<String, Queue> queues,
                    Map<String, Topic> topics, Map<String, LogGroup> logGroups,
                    Map<String, HttpEndpoint> httpEndpoints) {

    /** The kinds of resource, as written in references, with the attributes each offers. */
    public static final Map<String, List<String>> REFERENCE_ATTRIBUTES = Map.of(
            "instances", List.of("id", "arn"),
            "alarms", List.of("name", "arn"),
            "functions", List.of("name", "arn"),
            "rules", List.of("name", "arn"),
            "securityGroups", List.of("id", "name", "arn"),
            "queues", List.of("url", "arn", "name"),
            "topics", List.of("arn", "name"),
            "logGroups", List.of("name", "arn"),
            "httpEndpoints", List.of("url"));

    public boolean has(String kind, String key) {
        return keys(kind).contains(key);
    }

    /** The keys defined for a kind of resource; empty for an unknown kind. */
    public java.util.Set<String> keys(String kind) {
        Map<String, ?> map = switch (kind) {
            case "instances" -> instances;
            case "alarms" -> alarms;
            case "functions" -> functions;
            case "rules" -> rules;
            case "securityGroups" -> securityGroups;
            case "queues" -> queues;
            case "topics" -> topics;
            case "logGroups" -> logGroups;
            case "httpEndpoints" -> httpEndpoints;
            default -> Map.of();
        };
        return map.keySet();
    }

    /** An EC2 instance started with RunInstances, in the given stack security groups (by key) if any. */
    public record Instance(String key, String imageId, String instanceType, Map<String, String> tags,
                           boolean detailedMonitoring, List<String> securityGroups) {
    }

    /**
     * An EC2 security group made with CreateSecurityGroup in the default VPC (or {@code vpc}), its rules added with
     * AuthorizeSecurityGroupIngress/Egress. A new group's default allow-all egress rule is kept unless egress is given.
     */
    public record SecurityGroup(String key, String name, String description, String vpc, List<Permission> ingress,
                                List<Permission> egress) {
    }

    /**
     * One rule: protocol ({@code tcp}, {@code udp}, {@code icmp} or {@code -1} for all), a port range, and exactly one
     * source: an IPv4 CIDR, an IPv6 CIDR or another stack group (by key).
     */
    public record Permission(String protocol, Integer fromPort, Integer toPort, String cidr, String ipv6,
                             String group, String description) {
    }

    /** A CloudWatch metric alarm created with PutMetricAlarm. Values may contain references. */
    public record Alarm(String key, String name, String description, String namespace, String metric,
                        Map<String, String> dimensions, String statistic, int period, int evaluationPeriods,
                        Integer datapointsToAlarm, double threshold, String comparison, String treatMissingData) {
    }

    /**
     * An SQS queue made with CreateQueue; a FIFO queue's name ends in {@code .fifo}. {@code attributes} are SQS's
     * own names ({@code VisibilityTimeout}, …); {@code deadLetter} (a queue key) becomes the RedrivePolicy.
     */
    public record Queue(String key, String name, boolean fifo, Map<String, String> attributes, String deadLetter,
                        int maxReceiveCount) {
    }

    /** An SNS topic made with CreateTopic, with its subscriptions. */
    public record Topic(String key, String name, boolean fifo, List<Subscription> subscriptions) {
    }

    /** A topic subscription to a stack queue (by key), with SNS's raw delivery and filter policy. */
    public record Subscription(String queue, boolean rawMessageDelivery, String filterPolicy) {
    }

    /** A CloudWatch Logs log group made with CreateLogGroup, optionally with a retention in days. */
    public record LogGroup(String key, String name, Integer retentionDays) {
    }

    /**
     * An HTTP endpoint outside AWS (a Slack, PagerDuty or ops webhook), stood in by a local WireMock server that
     * answers every request to {@code path} with {@code status}, {@code headers} and {@code body} after
     * {@code delay} (real time: EventBridge gives an API destination 5 seconds).
     */
    public record HttpEndpoint(String key, String path, int status, String body, java.time.Duration delay,
                               Map<String, String> headers) {
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

    /**
     * A Lambda function created with CreateFunction from a jar or zip.
     *
     * @param rolePolicy the IAM policy JSON the team attaches to the function's role, or null. The emulator does not
     *                   evaluate IAM, so the harness keeps it to check the calls the function made against it
     *                   ({@code leastPrivilege} expectation)
     */
    public record Function(String key, String name, Path code, String handler, String runtime, int timeout,
                           int memory, Map<String, String> environment, String rolePolicy) {
    }

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
