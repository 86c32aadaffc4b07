package io.selfheal.harness.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.services.lambda.runtime.RuntimeCatalog;
import io.selfheal.harness.yaml.YMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.FunctionCode;

/**
 * {@code stack.functions}: Lambda functions created with CreateFunction from a jar or zip, or from sources the harness
 * zips ({@link DeploymentPackage}); sent in the request, or staged in S3 first ({@link StagedCode}).
 */
public final class FunctionKind extends AbstractStackKind<FunctionKind.Function> {
    public static final String KEY = "functions";

    /**
     * A Lambda function created with CreateFunction from a jar or zip.
     *
     * @param rolePolicy the IAM policy JSON of the role the harness makes for the function, or null: then the
     *                   policy the handler ships ({@link ShippedPolicy}) is used
     * @param role       the key of a {@code roles} entry to run as instead, or null
     * @param codeBucket the S3 bucket the harness stages the package in before CreateFunction names it
     *                   ({@code S3Bucket}/{@code S3Key}), as IaC that uploads code to S3 does; null to send the zip in
     *                   the request
     */
    public record Function(String key, String name, Path code, String handler, String runtime, int timeout,
                           int memory, Map<String, String> environment, String rolePolicy, String role,
                           FunctionAsync async, String codeBucket) {
        /** A function without failure-handling settings. */
        public Function(String key, String name, Path code, String handler, String runtime, int timeout, int memory,
                        Map<String, String> environment, String rolePolicy, String role) {
            this(key, name, code, handler, runtime, timeout, memory, environment, rolePolicy, role, FunctionAsync.NONE);
        }

        /** A function whose zip goes in the request. */
        public Function(String key, String name, Path code, String handler, String runtime, int timeout, int memory,
                        Map<String, String> environment, String rolePolicy, String role, FunctionAsync async) {
            this(key, name, code, handler, runtime, timeout, memory, environment, rolePolicy, role, async, null);
        }
    }

    /** The environment may refer to any of these ({@code ${queues.work.url}}). */
    public FunctionKind() {
        super(KEY, Function.class, List.of("name", "arn"), Set.of(RoleKind.KEY, HttpEndpointKind.KEY, QueueKind.KEY, TopicKind.KEY, LogGroupKind.KEY, SecurityGroupKind.KEY, InstanceKind.KEY));
    }

    @Override
    public Function read(String key, YMap m, StackReading reading) {
        m.allow("name", "code", "handler", "runtime", "timeout", "memory", "environment", "rolePolicy", "role",
                "deadLetter", "eventInvokeConfig", "reservedConcurrency", "eventSources", "codeBucket");
        JsonNode policy = m.has("rolePolicy") ? RoleKind.identityPolicy(m.get("rolePolicy"), reading) : null;
        String role = m.has("role") ? reading.stackKey(RoleKind.KEY, m.get("role")) : null;
        if (role != null && m.has("rolePolicy")) {
            m.get("rolePolicy").problem("give either role (a roles entry) or rolePolicy (a role made for the function)");
        }
        Path code = null;
        String codeRef = m.requiredString("code");
        if (codeRef != null) {
            code = ResourceText.resolve(codeRef, reading.scenarioDir());
            if (!Files.exists(code)) {
                m.get("code").problem("no file " + code + " (build it first: mvn -DskipTests package)");
            }
        }
        String codeBucket = m.string("codeBucket");
        String bucketProblem = codeBucket == null ? null : StagedCode.bucketProblem(codeBucket);
        if (bucketProblem != null) {
            m.get("codeBucket").problem(bucketProblem);
        }
        return new Function(key, StackReading.orElse(m.string("name"), key), code, m.requiredString("handler"),
                StackReading.orElse(m.choice("runtime", RuntimeCatalog.identifiers().toArray(String[]::new)), "java17"),
                StackReading.orElse(m.integer("timeout"), 3), StackReading.orElse(m.integer("memory"), 128),
                m.stringMap("environment"), policy == null ? null : policy.toString(), role,
                FunctionAsync.read(m, reading), codeBucket);
    }

    @Override
    public void provision(Map<String, Function> functions, Provisioning p) {
        Map<String, String> names = new java.util.HashMap<>();
        for (Function spec : functions.values()) {
            String name = p.name(spec.name(), io.selfheal.harness.runid.NameLimits.LAMBDA_FUNCTION);
            names.put(spec.key(), name);
            byte[] code;
            try {
                code = DeploymentPackage.of(spec.code());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the code of function " + spec.key(), e);
            }
            String role;
            if (spec.role() != null) {
                role = p.state().get(RoleKind.KEY, spec.role(), "arn");
                p.put(this, spec.key(), RoleKind.POLICIES, p.state().get(RoleKind.KEY, spec.role(), RoleKind.POLICIES));
            } else {
                role = executionRole(spec, name, code, p);
            }
            FunctionCode source = spec.codeBucket() == null
                    ? FunctionCode.builder().zipFile(SdkBytes.fromByteArray(code)).build()
                    : StagedCode.upload(p.clients().s3(), spec.codeBucket(), name + ".zip", code);
            String arn = p.clients().lambda().createFunction(r -> r.functionName(name).runtime(spec.runtime())
                    .handler(spec.handler()).role(role)
                    .timeout(spec.timeout()).memorySize(spec.memory())
                    .environment(e -> e.variables(p.state().resolve(spec.environment())))
                    .code(source)).functionArn();
            p.put(this, spec.key(), "name", name);
            p.put(this, spec.key(), "arn", arn);
        }
        // Destinations may name other functions: every function exists before any is configured.
        for (Function spec : functions.values()) {
            String name = names.get(spec.key());
            spec.async().provision(name, spec.role() == null ? roleName(spec, p) : null, p);
        }
    }

    /**
     * The role the harness makes for a function that names none, trusting Lambda, with the function's
     * {@code rolePolicy} or else the policy its handler ships as its one inline policy (none when it ships none).
     */
    private String executionRole(Function spec, String functionName, byte[] code, Provisioning p) {
        String name = roleName(spec, p);
        String policy = spec.rolePolicy() != null ? spec.rolePolicy() : ShippedPolicy.in(code, spec.handler(),
                spec.runtime());
        Map<String, String> policies = policy == null ? Map.of()
                : Map.of(functionName + "-policy", p.state().resolve(policy));
        String arn = RoleKind.create(name, RoleKind.LAMBDA_TRUST, policies, List.of(), p);
        p.put(this, spec.key(), RoleKind.POLICIES, RoleKind.policiesJson(policies));
        return arn;
    }

    /** The name of the role the harness makes for a function that names none: {@code <function>-role}. */
    private static String roleName(Function spec, Provisioning p) {
        return p.name(spec.name() + "-role", io.selfheal.harness.runid.NameLimits.IAM_ROLE);
    }

    /** The JSON Schema of this kind: its section's description, one entry's schema, and defs it refers to. */
    @Override
    public String schema() {
        return """
            {"description": "Lambda functions (CreateFunction) from a jar or zip, by key.", "entry": {"description": "A Lambda function. References: ${functions.<key>.name}, ${functions.<key>.arn}.", "type": "object", "additionalProperties": false, "required": ["code", "handler"], "properties": {
              "name": {"description": "The function name (default: the entry's key).", "type": "string"},
              "code": {"description": "The deployment package relative to the scenario file: a jar or zip, or sources the harness zips (a directory, or one .py, .mjs or .js file).", "type": "string"},
              "codeBucket": {"description": "Stage the package in this S3 bucket first (made if absent; key <name>.zip) and create the function from it with Code.S3Bucket/S3Key, as IaC that uploads code to S3 does. Without it the zip goes in the request (up to 50 MB).", "type": "string", "pattern": "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"},
              "handler": {"description": "The handler, e.g. io.selfheal.remediations.RebootOnHighCpu::handleRequest.", "type": "string"},
              "runtime": {"description": "The runtime (default java17).", "enum": RUNTIMES, "default": "java17"},
              "timeout": {"description": "Timeout in seconds (default 3, as AWS).", "type": "integer", "minimum": 1, "maximum": 900, "default": 3},
              "memory": {"description": "Memory in MB (default 128, as AWS).", "type": "integer", "minimum": 128, "maximum": 10240, "default": 128},
              "environment": {"description": "Environment variables, name to value.", "$ref": "#/$defs/textMap"},
              "role": {"description": "The key of a roles entry: the function's execution role. Without it (and without rolePolicy) the harness makes a role with the policy the handler ships (policies/<Class>.json in a jar, <module>.policy.json beside a module).", "$ref": "#/$defs/stackKey"},
              "deadLetter": {"description": "The function's dead-letter queue or topic for asynchronous events that failed (DeadLetterConfig): {queue: key} or {topic: key}.", "type": "object", "additionalProperties": false, "minProperties": 1, "maxProperties": 1, "properties": {"queue": {"$ref": "#/$defs/stackKey"}, "topic": {"$ref": "#/$defs/stackKey"}, "function": {"$ref": "#/$defs/stackKey"}}},
              "eventInvokeConfig": {"description": "Asynchronous invocation settings (PutFunctionEventInvokeConfig).", "type": "object", "additionalProperties": false, "properties": {
                "maximumRetryAttempts": {"description": "Retries after a function error, 0 to 2 (default 2).", "type": "integer", "minimum": 0, "maximum": 2},
                "maximumEventAge": {"description": "How long an event may wait, PT1M to PT6H (ISO-8601).", "$ref": "#/$defs/positiveDuration"},
                "destinations": {"description": "Where invocation records go.", "type": "object", "additionalProperties": false, "properties": {
                  "onSuccess": {"description": "{queue|topic|function: key}.", "type": "object", "additionalProperties": false, "minProperties": 1, "maxProperties": 1, "properties": {"queue": {"$ref": "#/$defs/stackKey"}, "topic": {"$ref": "#/$defs/stackKey"}, "function": {"$ref": "#/$defs/stackKey"}}},
                  "onFailure": {"description": "{queue|topic|function: key}.", "type": "object", "additionalProperties": false, "minProperties": 1, "maxProperties": 1, "properties": {"queue": {"$ref": "#/$defs/stackKey"}, "topic": {"$ref": "#/$defs/stackKey"}, "function": {"$ref": "#/$defs/stackKey"}}}
                }}
              }},
              "reservedConcurrency": {"description": "Reserved concurrency (PutFunctionConcurrency); 0 throttles every invocation.", "type": "integer", "minimum": 0},
              "eventSources": {"description": "SQS event source mappings (CreateEventSourceMapping).", "type": "array", "items": {"type": "object", "additionalProperties": false, "required": ["queue"], "properties": {
                "queue": {"description": "The key of the queues entry.", "$ref": "#/$defs/stackKey"},
                "batchSize": {"description": "Messages per batch, 1 to 10000 (default 10; above 10 needs a batchingWindow).", "type": "integer", "minimum": 1, "maximum": 10000},
                "batchingWindow": {"description": "MaximumBatchingWindowInSeconds as an ISO-8601 duration, up to PT5M.", "$ref": "#/$defs/positiveDuration"},
                "reportBatchItemFailures": {"description": "FunctionResponseTypes [ReportBatchItemFailures]: the function reports the messages that failed.", "type": "boolean"}
              }}},
              "rolePolicy": {"description": "The IAM policy document of the role the harness makes for the function (inline, JSON text, a .json file or classpath:), instead of the one the handler ships.", "anyOf": [{"type": "string"}, {"type": "object", "required": ["Version", "Statement"], "properties": {"Version": {"description": "The policy language version.", "enum": ["2012-10-17", "2008-10-17"]}, "Statement": {"description": "A statement or a list of them, each with Effect, Action (or NotAction) and Resource (or NotResource).", "type": ["object", "array"]}}}]}
            }}
            }
            """.replace("RUNTIMES", RuntimeCatalog.identifiers().stream().map(r -> '"' + r + '"')
                .collect(java.util.stream.Collectors.joining(", ", "[", "]")));
    }
}
