package io.selfheal.harness.dsl;

import io.selfheal.harness.stack.FunctionKind;
import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.services.lambda.runtime.RuntimeCatalog;
import io.selfheal.harness.stack.PolicyShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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
        checks.choice("runtime", runtime, RuntimeCatalog.identifiers().toArray(String[]::new));
        environment.forEach((k, v) -> checks.at("environment").at(k).references(v));
        return new FunctionKind.Function(key, name == null ? key : name, resolved, handler, runtime, timeout, memory,
                environment, policy == null ? null : policy.toString(), null);
    }
}
