package io.selfheal.emulator.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.messages.ArnTargets;
import io.selfheal.emulator.service.Params;
import io.selfheal.emulator.services.lambda.runtime.RuntimeCatalog;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A function's configuration (what CreateFunction and UpdateFunctionConfiguration set), validated as Lambda
 * validates it.
 *
 * @param environment      the function's own variables; null when it has none
 * @param deadLetterTarget DeadLetterConfig's TargetArn (an SQS queue or SNS topic); null when it has none
 */
record FunctionConfig(String runtime, String handler, String role, String description, int timeout, int memorySize,
                      Map<String, String> environment, String architecture, String deadLetterTarget) {

    /** Every runtime identifier Lambda's model knows: the rest are refused as invalid, these as unsupported here. */
    private static final Set<String> KNOWN_RUNTIMES = Set.of("nodejs", "nodejs4.3", "nodejs6.10", "nodejs8.10",
            "nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x", "nodejs18.x", "nodejs20.x", "nodejs22.x",
            "nodejs24.x", "nodejs4.3-edge", "java8", "java8.al2", "java11", "java17", "java21", "java25",
            "python2.7", "python3.6", "python3.7", "python3.8", "python3.9", "python3.10", "python3.11",
            "python3.12", "python3.13", "python3.14", "dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1",
            "dotnetcore3.1", "dotnet6", "dotnet8", "dotnet10", "go1.x", "ruby2.5", "ruby2.7", "ruby3.2", "ruby3.3",
            "ruby3.4", "provided", "provided.al2", "provided.al2023");
    private static final String ROLE_PATTERN = "arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+";
    private static final Pattern ROLE = Pattern.compile(ROLE_PATTERN);
    private static final Pattern HANDLER = Pattern.compile("[^\\s]+");
    private static final Pattern ENV_KEY = Pattern.compile("[a-zA-Z]([a-zA-Z0-9_])+");
    /** Set by Lambda itself: a function may not set them. */
    private static final Set<String> RESERVED_KEYS = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION",
            "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");

    static FunctionConfig forCreate(Params p, LocalDate today) {
        String packageType = p.string("PackageType", "Zip");
        if (packageType.equals("Image")) {
            throw LambdaErrors.invalidParameter("selfheal runs only Zip functions (" + runnable()
                    + "), not container images.");
        }
        if (!packageType.equals("Zip")) {
            throw LambdaErrors.validation("packageType", packageType,
                    "Member must satisfy enum value set: [Zip, Image]");
        }
        if (!p.has("Runtime") || !p.has("Handler")) {
            throw LambdaErrors.invalidParameter(
                    "Runtime and Handler are mandatory parameters for functions created with deployment packages.");
        }
        if (!p.has("Role")) {
            throw LambdaErrors.validation("role", "null", "Member must not be null");
        }
        String runtime = runtime(p.string("Runtime"));
        if (RuntimeCatalog.find(runtime).orElseThrow().createBlockedOn(today)) {
            throw noLongerSupported(runtime);
        }
        return new FunctionConfig(runtime, handler(p.string("Handler")), role(p.string("Role")),
                description(p.string("Description", "")), timeout(p.integer("Timeout", 3)),
                memorySize(p.integer("MemorySize", 128)), environment(p), architecture(p), deadLetterTarget(p, null));
    }

    /** UpdateFunctionConfiguration: what the request names replaces, the rest stays. */
    FunctionConfig updatedBy(Params p, LocalDate today) {
        String next = p.has("Runtime") ? runtime(p.string("Runtime")) : runtime;
        requireUpdatable(next, today);
        return new FunctionConfig(
                next,
                p.has("Handler") ? handler(p.string("Handler")) : handler,
                p.has("Role") ? role(p.string("Role")) : role,
                p.has("Description") ? description(p.string("Description")) : description,
                p.has("Timeout") ? timeout(p.integer("Timeout")) : timeout,
                p.has("MemorySize") ? memorySize(p.integer("MemorySize")) : memorySize,
                p.has("Environment") ? environment(p) : environment,
                architecture,
                deadLetterTarget(p, deadLetterTarget));
    }

    /** The role's name: the last path segment of its ARN, as in the role session's ARN. */
    String roleName() {
        return role.substring(role.lastIndexOf('/') + 1);
    }

    /** The role's account: the account the function's own calls act in. */
    String roleAccount() {
        return role.split(":")[4];
    }

    /** UpdateFunctionCode and UpdateFunctionConfiguration of a function on a runtime AWS no longer updates fail. */
    static void requireUpdatable(String runtime, LocalDate today) {
        if (RuntimeCatalog.find(runtime).orElseThrow().updateBlockedOn(today)) {
            throw noLongerSupported(runtime);
        }
    }

    // https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html: an unknown identifier fails the
    // model's enum; a deprecated one past its block date gets this message.
    private static String runtime(String runtime) {
        if (!KNOWN_RUNTIMES.contains(runtime)) {
            throw LambdaErrors.invalidParameter("Value " + runtime + " at 'runtime' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: " + KNOWN_RUNTIMES.stream().sorted().toList()
                    + " or be a valid ARN");
        }
        RuntimeCatalog.Entry entry = RuntimeCatalog.find(runtime).orElse(null);
        if (entry == null) {
            throw LambdaErrors.invalidParameter("The runtime parameter of " + runtime + " is not supported here: "
                    + "selfheal runs " + runnable() + " functions.");
        }
        return runtime;
    }

    private static AwsException noLongerSupported(String runtime) {
        return LambdaErrors.invalidParameter("The runtime parameter of " + runtime + " is no longer supported for "
                + "creating or updating AWS Lambda functions. We recommend you use a supported runtime while "
                + "creating or updating functions.");
    }

    private static String runnable() {
        return String.join(", ", RuntimeCatalog.identifiers());
    }

    private static String handler(String handler) {
        if (handler.length() > 128) {
            throw LambdaErrors.validation("handler", handler, "Member must have length less than or equal to 128");
        }
        if (!HANDLER.matcher(handler).matches()) {
            throw LambdaErrors.validation("handler", handler,
                    "Member must satisfy regular expression pattern: [^\\s]+");
        }
        return handler;
    }

    private static String role(String role) {
        if (!ROLE.matcher(role).matches()) {
            throw LambdaErrors.validation("role", role,
                    "Member must satisfy regular expression pattern: " + ROLE_PATTERN);
        }
        return role;
    }

    private static String description(String description) {
        if (description.length() > 256) {
            throw LambdaErrors.validation("description", description,
                    "Member must have length less than or equal to 256");
        }
        return description;
    }

    private static int timeout(int timeout) {
        if (timeout < 1) {
            throw LambdaErrors.validation("timeout", Integer.toString(timeout),
                    "Member must have value greater than or equal to 1");
        }
        if (timeout > 900) {
            throw LambdaErrors.validation("timeout", Integer.toString(timeout),
                    "Member must have value less than or equal to 900");
        }
        return timeout;
    }

    private static int memorySize(int memory) {
        if (memory < 128) {
            throw LambdaErrors.validation("memorySize", Integer.toString(memory),
                    "Member must have value greater than or equal to 128");
        }
        if (memory > 10240) {
            throw LambdaErrors.validation("memorySize", Integer.toString(memory),
                    "Member must have value less than or equal to 10240");
        }
        return memory;
    }

    /**
     * DeadLetterConfig: an SQS queue or SNS topic; an empty TargetArn removes it.
     * https://docs.aws.amazon.com/lambda/latest/api/API_DeadLetterConfig.html
     */
    private static String deadLetterTarget(Params p, String current) {
        Params config = p.child("DeadLetterConfig");
        if (config == null) {
            return current;
        }
        String arn = config.string("TargetArn", "");
        if (arn.isEmpty()) {
            return null;
        }
        ArnTargets.Target target = ArnTargets.parse(arn);
        if (target == null || (target.kind() != ArnTargets.Kind.QUEUE && target.kind() != ArnTargets.Kind.TOPIC)) {
            throw LambdaErrors.invalidParameter("The provided target arn " + arn + " is invalid: a dead-letter "
                    + "queue is an Amazon SQS queue or an Amazon SNS topic.");
        }
        return arn;
    }

    private static String architecture(Params p) {
        var architectures = p.strings("Architectures");
        if (architectures.isEmpty()) {
            return "x86_64";
        }
        String a = architectures.get(0);
        if (architectures.size() > 1 || !(a.equals("x86_64") || a.equals("arm64"))) {
            throw LambdaErrors.validation("architectures", architectures.toString(),
                    "Member must have length less than or equal to 1, and each member must satisfy enum value set: "
                            + "[x86_64, arm64]");
        }
        return a;
    }

    private static Map<String, String> environment(Params p) {
        Params env = p.child("Environment");
        JsonNode vars = env == null ? null : env.node("Variables");
        if (vars == null) {
            return null;
        }
        if (!vars.isObject()) {
            throw LambdaErrors.validation("environment.variables", vars.toString(), "Member must be a map");
        }
        Map<String, String> out = new LinkedHashMap<>();
        StringBuilder reserved = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = vars.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!ENV_KEY.matcher(e.getKey()).matches()) {
                throw LambdaErrors.validation("environment.variables", "[" + e.getKey() + "]",
                        "Map keys must satisfy constraint: [Member must satisfy regular expression pattern: "
                                + ENV_KEY.pattern() + "]");
            }
            if (RESERVED_KEYS.contains(e.getKey())) {
                reserved.append(reserved.length() == 0 ? "" : ",").append(e.getKey());
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        if (reserved.length() > 0) {
            throw LambdaErrors.invalidParameter("Lambda was unable to configure your environment variables because "
                    + "the environment variables you have provided contains reserved keys that are currently not "
                    + "supported for modification. Reserved keys used in this request: " + reserved);
        }
        String measured = vars.toString();
        if (measured.getBytes(StandardCharsets.UTF_8).length > 4096) {
            throw LambdaErrors.invalidParameter("Lambda was unable to configure your environment variables because "
                    + "the environment variables you have provided exceeded the 4KB limit. String measured: "
                    + measured);
        }
        return out;
    }
}
