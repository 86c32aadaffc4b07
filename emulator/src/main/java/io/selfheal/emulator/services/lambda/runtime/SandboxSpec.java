package io.selfheal.emulator.services.lambda.runtime;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a sandbox runs: one function's code and configuration, frozen for the sandboxes of one pool (an update
 * replaces the pool, as AWS replaces execution environments).
 *
 * @param functionName   the function's name
 * @param functionArn    its unqualified ARN ({@code Lambda-Runtime-Invoked-Function-Arn})
 * @param runtime        the runtime identifier ({@code python3.12}, {@code java21} …), a {@link RuntimeCatalog} row
 * @param handler        as the runtime reads it ({@code module.function}, {@code package.Class::method} …)
 * @param memoryMb       MemorySize
 * @param timeoutSeconds Timeout; the sandbox is killed when an invocation runs longer
 * @param codeDirectory  the extracted deployment package ({@code LAMBDA_TASK_ROOT}, the working directory)
 * @param codeSha256     the package's {@code CodeSha256}: what a runtime may cache per code (Java's class-data
 *                       archive)
 * @param environment    every environment variable of the function except the per-sandbox ones
 *                       ({@code AWS_LAMBDA_RUNTIME_API}, {@code AWS_LAMBDA_LOG_STREAM_NAME}, {@code LAMBDA_RUNTIME_DIR})
 */
public record SandboxSpec(String functionName, String functionArn, String runtime, String handler, int memoryMb,
                          int timeoutSeconds, Path codeDirectory, String codeSha256,
                          Map<String, String> environment) {

    public SandboxSpec {
        environment = Map.copyOf(environment);
    }

    public String version() {
        return "$LATEST";
    }

    /**
     * The deployment package itself, kept beside the task root: a runtime may load entries from it rather than
     * extract them ({@link LanguageRuntime#keepsInPackage}); every other entry is extracted, so the task root reads
     * as on AWS.
     */
    public static Path deploymentPackage(Path taskRoot) {
        return taskRoot.resolveSibling("package.zip");
    }
}
