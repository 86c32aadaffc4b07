package io.selfheal.harness.dsl;

import io.selfheal.harness.stack.FunctionKind;
import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.services.lambda.runtime.RuntimeCatalog;
import io.selfheal.harness.stack.PolicyShape;
import java.nio.file.Files;
import java.nio.file.Path;
import io.selfheal.harness.stack.FunctionAsync;
import io.selfheal.harness.stack.QueueKind;
import io.selfheal.harness.stack.StagedCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A Lambda function of the stack ({@code stack.functions.<key>}) with AWS's defaults (3 s timeout, 128 MB, java17)
 * and the key as its name unless named. A relative {@link #code(Path)} is resolved against the scenario's
 * {@link ScenarioBuilder#baseDir base directory}, as a file's is against the file's directory.
 */
public final class FunctionSpec extends Spec<FunctionSpec> {
    private String name;
    private Path code;
    private String handler;
    private String runtime = "java17";
    private int timeout = 3;
    private int memory = 128;
    private Map<String, String> environment = Map.of();
    private String rolePolicy;
    private Path rolePolicyFile;
    private Destination deadLetter;
    private EventInvokeConfigSpec eventInvokeConfig;
    private Integer reservedConcurrency;
    private Map<String, EventSourceSpec> eventSources = Map.of();
    private String codeBucket;

    FunctionSpec() {
    }

    public FunctionSpec name(String name) {
        return with(s -> s.name = name);
    }

    /**
     * The jar or zip you would upload to AWS, or the sources to zip: a directory (its contents at the zip's root) or
     * one {@code .py}, {@code .mjs} or {@code .js} file.
     */
    public FunctionSpec code(Path code) {
        return with(s -> s.code = code);
    }

    /**
     * Stage the package in this S3 bucket (made if absent) and create the function from there
     * ({@code Code.S3Bucket}/{@code S3Key}), as IaC that uploads code to S3 does.
     */
    public FunctionSpec codeBucket(String bucket) {
        return with(s -> s.codeBucket = bucket);
    }

    /** {@code io.selfheal.remediations.RebootOnHighCpu::handleRequest}. */
    public FunctionSpec handler(String handler) {
        return with(s -> s.handler = handler);
    }

    /** A runtime selfheal runs: java17, java21, python3.9 … python3.13, nodejs18.x … nodejs22.x. */
    public FunctionSpec runtime(String runtime) {
        return with(s -> s.runtime = runtime);
    }

    public FunctionSpec timeout(int seconds) {
        return with(s -> s.timeout = seconds);
    }

    public FunctionSpec memory(int megabytes) {
        return with(s -> s.memory = megabytes);
    }

    /** A variable; the value may reference the stack. */
    public FunctionSpec environment(String name, String value) {
        return with(s -> s.environment = plus(s.environment, name, value));
    }

    /**
     * The IAM policy the team attaches to the function's role (JSON text or a {@code classpath:…} reference); the
     * {@code leastPrivilege} outcome checks the function's calls against it.
     */
    public FunctionSpec rolePolicy(String jsonOrReference) {
        return with(s -> {
            s.rolePolicy = jsonOrReference;
            s.rolePolicyFile = null;
        });
    }

    /** The role policy in a JSON file, relative to the {@link ScenarioBuilder#baseDir base directory}. */
    public FunctionSpec rolePolicy(Path file) {
        return with(s -> {
            s.rolePolicyFile = file;
            s.rolePolicy = null;
        });
    }

    /** DeadLetterConfig: where Lambda sends an asynchronous event that failed, a queue or topic of the stack. */
    public FunctionSpec deadLetter(Destination queueOrTopic) {
        return with(s -> s.deadLetter = queueOrTopic);
    }

    /** PutFunctionEventInvokeConfig: retries, maximum event age and the on-success / on-failure destinations. */
    public FunctionSpec eventInvokeConfig(UnaryOperator<EventInvokeConfigSpec> config) {
        return with(s -> s.eventInvokeConfig = config.apply(new EventInvokeConfigSpec()));
    }

    /** PutFunctionConcurrency; 0 throttles every invocation. */
    public FunctionSpec reservedConcurrency(int reserved) {
        return with(s -> s.reservedConcurrency = reserved);
    }

    /** An SQS event source mapping from the stack's queue under {@code queueKey}, with Lambda's defaults. */
    public FunctionSpec eventSource(String queueKey) {
        return eventSource(queueKey, UnaryOperator.identity());
    }

    /** An SQS event source mapping from the stack's queue under {@code queueKey}. */
    public FunctionSpec eventSource(String queueKey, UnaryOperator<EventSourceSpec> source) {
        return with(s -> {
            Map<String, EventSourceSpec> next = new LinkedHashMap<>(s.eventSources);
            next.put(queueKey, source.apply(new EventSourceSpec()));
            s.eventSources = java.util.Collections.unmodifiableMap(next);
        });
    }

    /** The failure-handling keys as the YAML reader makes them, checked with the same rules. */
    private FunctionAsync async(Checks checks) {
        FunctionAsync.Ref dlq = deadLetter == null ? null : deadLetter.build(checks.at("deadLetter"), false);
        List<FunctionAsync.EventSource> sources = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, EventSourceSpec> e : eventSources.entrySet()) {
            Checks at = checks.at("eventSources").item(n++);
            String queue = at.stackKey("queue", QueueKind.KEY, e.getKey());
            sources.add(e.getValue().build(queue, at));
        }
        FunctionAsync async = new FunctionAsync(dlq, null, null, null, null,
                FunctionAsync.reservedConcurrency(reservedConcurrency, checks), List.copyOf(sources));
        return eventInvokeConfig == null ? async : eventInvokeConfig.build(async, checks.at("eventInvokeConfig"));
    }

    FunctionKind.Function build(String key, Checks checks) {
        Checks at = checks.at("rolePolicy");
        JsonNode policy = rolePolicyFile != null ? JsonText.read(rolePolicyFile, at) : JsonText.read(rolePolicy, at);
        String shape = policy == null ? null : PolicyShape.problem(policy);
        if (shape != null) {
            at.problem(shape);
            policy = null;
        }
        at.references(policy == null ? null : policy.toString());
        Path resolved = null;
        if (checks.required("code", code) != null) {
            resolved = checks.baseDir().resolve(code).normalize();
            if (!Files.exists(resolved)) {
                checks.at("code").problem("no file " + resolved + " (build it first: mvn -DskipTests package)");
            }
        }
        checks.required("handler", handler);
        String bucketProblem = codeBucket == null ? null : StagedCode.bucketProblem(codeBucket);
        if (bucketProblem != null) {
            checks.at("codeBucket").problem(bucketProblem);
        }
        checks.choice("runtime", runtime, RuntimeCatalog.identifiers().toArray(String[]::new));
        environment.forEach((k, v) -> checks.at("environment").at(k).references(v));
        return new FunctionKind.Function(key, name == null ? key : name, resolved, handler, runtime, timeout, memory,
                environment, policy == null ? null : policy.toString(), null, async(checks), codeBucket);
    }
}
