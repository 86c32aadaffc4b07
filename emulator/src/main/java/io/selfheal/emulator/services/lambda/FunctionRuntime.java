package io.selfheal.emulator.services.lambda;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.services.lambda.runtime.RuntimeHost;
import io.selfheal.emulator.services.lambda.runtime.SandboxPool;
import io.selfheal.emulator.services.lambda.runtime.SandboxSpec;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where functions run: turns a function's revision into a {@link SandboxSpec} (the command and the environment a
 * real function gets) and owns the runtime host every sandbox pool shares.
 */
final class FunctionRuntime implements AutoCloseable {
    private final EmulatorContext context;
    private final RuntimeHost host;
    private final Path codeDirectory;

    FunctionRuntime(EmulatorContext context, Path workDirectory) {
        this.context = context;
        this.host = new RuntimeHost(context.host(), context.servers(), context.scheduler(), workDirectory);
        this.codeDirectory = workDirectory.resolve("code");
    }

    /** Extracts a deployment package for {@code runtime}'s functions. */
    FunctionCode extract(String zipBase64, String runtime) {
        return FunctionCode.extract(zipBase64, codeDirectory, host.keptInPackage(runtime));
    }

    /** Extracts a deployment package read from a stream (an S3 object) for {@code runtime}'s functions. */
    FunctionCode extract(java.io.InputStream zip, String runtime) {
        return FunctionCode.extract(zip, codeDirectory, host.keptInPackage(runtime));
    }

    /** Refuses a runtime this machine cannot run, saying what to install, before any function depends on it. */
    void requireAvailable(String runtime) {
        String missing = host.unavailable(runtime);
        if (missing != null) {
            throw LambdaErrors.invalidParameter("selfheal cannot run " + runtime + " functions on this machine: "
                    + missing + ".");
        }
    }

    /** The function's sandboxes, or null when it was deleted meanwhile. */
    SandboxPool pool(LambdaFunction function) {
        return function.pool(f -> new SandboxPool(spec(f), host, SandboxPool.DEFAULT_MAX_SANDBOXES));
    }

    SandboxSpec spec(LambdaFunction f) {
        FunctionRevision r = f.revision();
        FunctionConfig c = r.config();
        Path taskRoot = r.code().directory();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_LAMBDA_FUNCTION_NAME", f.name());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(c.memorySize()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + f.name());
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_REGION", f.region());
        env.put("AWS_DEFAULT_REGION", f.region());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + c.runtime());
        env.put("_HANDLER", c.handler());
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("TZ", ":UTC");
        env.put("AWS_ACCESS_KEY_ID", r.credentials().accessKeyId());
        env.put("AWS_ACCESS_KEY", r.credentials().accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", r.credentials().secretAccessKey());
        env.put("AWS_SESSION_TOKEN", r.credentials().sessionToken());
        // Not a Lambda variable: points the SDK inside the function at the emulator with default settings.
        env.put("AWS_ENDPOINT_URL", Objects.requireNonNull(context.endpoint(), "endpoint not bound yet"));
        if (c.environment() != null) {
            env.putAll(c.environment());
        }
        return new SandboxSpec(f.name(), f.arn(), c.runtime(), c.handler(), c.memorySize(), c.timeout(), taskRoot,
                r.code().sha256(), env);
    }

    /** Closes pools together: every process is killed first, then each is awaited. */
    static void closeAll(Collection<SandboxPool> pools) {
        pools.forEach(SandboxPool::shutdown);
        pools.forEach(SandboxPool::awaitTermination);
    }

    @Override
    public void close() {
        host.close();
    }
}
