package io.selfheal.emulator.services.lambda.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts a sandbox process as its {@link LanguageRuntime} describes it, in the task root, with Lambda's defined
 * environment and nothing inherited from the emulator's (a developer's {@code AWS_PROFILE} must not leak into a
 * function), its output appended to the sandbox's output file.
 */
final class SandboxLauncher {
    private SandboxLauncher() {
    }

    /** A started sandbox process and how the runtime described it. */
    record Started(Process process, LanguageRuntime.Launch launch) {
    }

    static Started launch(LanguageRuntime runtime, SandboxSpec spec, String runtimeApi, String logStreamName,
                          Path output) throws IOException {
        LanguageRuntime.Launch launch = runtime.launch(spec);
        ProcessBuilder builder = new ProcessBuilder(launch.command())
                .directory(spec.codeDirectory().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.clear();
        env.put("PATH", path);
        env.put("LANG", "en_US.UTF-8");
        env.putAll(launch.environment());
        env.putAll(spec.environment());
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", logStreamName);
        Process process = builder.start();
        ProcessReaper.track(process);
        return new Started(process, launch);
    }
}
