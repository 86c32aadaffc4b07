package io.selfheal.harness.dsl;

import io.selfheal.harness.stack.RuleKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * A rule target made by {@link Targets}. At most one of {@link #input}, {@link #inputPath} and an input transformer,
 * as in EventBridge.
 */
public final class TargetSpec extends Spec<TargetSpec> {
    private final String kind;
    private final String resource;
    private RuleKind.RetryPolicy retryPolicy;
    private String deadLetterQueue;
    private RuleKind.Connection connection;
    private Integer rateLimitPerSecond;
    private String id;
    private boolean permission = true;
    private String input;
    private String inputPath;
    private int inputs;
    private RuleKind.Transformer transformer;
    private String transformerReference;
    private Path transformerFile;

    /** @param kind functions, queues or topics */
    TargetSpec(String kind, String resource) {
        this.kind = kind;
        this.resource = resource;
    }

    /** Default {@code target-<n>}, n counting from 1 in the rule. */
    public TargetSpec id(String id) {
        return with(s -> s.id = id);
    }

    /** Don't grant events.amazonaws.com lambda:InvokeFunction: prove what happens without it. */
    public TargetSpec withoutPermission() {
        return with(s -> s.permission = false);
    }

    /** A constant input instead of the event. */
    public TargetSpec input(String input) {
        return with(s -> {
            s.input = input;
            s.inputs++;
        });
    }

    /** The part of the event the function gets, a JSONPath ({@code $.detail}). */
    public TargetSpec inputPath(String inputPath) {
        return with(s -> {
            s.inputPath = inputPath;
            s.inputs++;
        });
    }

    public TargetSpec inputTransformer(Map<String, String> inputPathsMap, String inputTemplate) {
        return with(s -> {
            s.transformer = new RuleKind.Transformer(inputPathsMap, inputTemplate);
            s.inputs++;
        });
    }

    /** EventBridge's transformer JSON ({@code InputPathsMap}, {@code InputTemplate}) in a file. */
    public TargetSpec inputTransformer(Path file) {
        return with(s -> {
            s.transformerFile = file;
            s.inputs++;
        });
    }

    /** EventBridge's transformer JSON, inline or as a {@code classpath:…} reference. */
    public TargetSpec inputTransformer(String jsonOrReference) {
        return with(s -> {
            s.transformerReference = jsonOrReference;
            s.inputs++;
        });
    }

    /** EventBridge's retry policy; null leaves its default (185 attempts over 24 hours). */
    public TargetSpec retryPolicy(Integer maximumRetryAttempts, Integer maximumEventAgeInSeconds) {
        return with(s -> s.retryPolicy = new RuleKind.RetryPolicy(maximumRetryAttempts, maximumEventAgeInSeconds));
    }

    /** The stack's queue under {@code key} gets the events EventBridge could not deliver. */
    public TargetSpec deadLetterQueue(String key) {
        return with(s -> s.deadLetterQueue = key);
    }

    /** An API-key connection for an HTTP endpoint target: the header's name and value. */
    public TargetSpec apiKey(String name, String value) {
        return with(s -> s.connection = new RuleKind.Connection("API_KEY", name, value, null, null));
    }

    /** A BASIC connection for an HTTP endpoint target. */
    public TargetSpec basicAuth(String username, String password) {
        return with(s -> s.connection = new RuleKind.Connection("BASIC", null, null, username, password));
    }

    /** InvocationRateLimitPerSecond of an HTTP endpoint target's API destination, at least 1. */
    public TargetSpec rateLimitPerSecond(int limit) {
        return with(s -> s.rateLimitPerSecond = limit);
    }

    RuleKind.Target build(int index, Checks checks) {
        RuleKind.Transformer built = transformer;
        if (transformerFile != null || transformerReference != null) {
            Checks at = checks.at("inputTransformer");
            built = RuleKind.transformer(transformerFile != null ? JsonText.read(transformerFile, at)
                    : JsonText.read(transformerReference, at), at::problem);
        }
        String field = kind.substring(0, kind.length() - 1);
        boolean http = kind.equals("httpEndpoints");
        Integer rateLimit = RuleKind.checkTarget(kind.equals("functions"), http, inputs, connection != null,
                rateLimitPerSecond, !permission, checks);
        String key = checks.stackKey(field, kind, resource);
        String dlq = deadLetterQueue == null ? null : checks.stackKey("deadLetterQueue", "queues", deadLetterQueue);
        String trimmed = input == null ? "" : input.trim();
        // As the loader stores inline JSON input: compact, so both forms give equal targets.
        JsonNode json = trimmed.startsWith("{") || trimmed.startsWith("[") ? JsonText.read(input, checks.at("input"))
                : null;
        checks.at("input").references(input);
        if (built != null) {
            checks.at("inputTransformer").references(built.inputTemplate());
        }
        return new RuleKind.Target(id == null ? "target-" + (index + 1) : id, kind.equals("functions") ? key : null,
                kind.equals("queues") ? key : null, kind.equals("topics") ? key : null, permission,
                json != null ? json.toString() : input, inputPath, built, retryPolicy, dlq, http ? key : null,
                http ? (connection == null ? RuleKind.Connection.DEFAULT : connection) : null,
                rateLimit);
    }
}
