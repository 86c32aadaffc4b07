package io.selfheal.emulator.services.lambda.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts a sandbox process the way AWS's java runtimes start theirs:
 * {@code java <flags> -cp <runtime jars>:<task root>:<package>:<task root>/lib/*.jar
 * com.amazonaws.services.lambda.runtime.api.client.AWSLambda <handler>}, in the task root, with Lambda's
 * defined environment and nothing inherited from the emulator's (a developer's {@code AWS_PROFILE} must not leak
 * into a function).
 */
final class SandboxLauncher {
    static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private final RuntimeDistribution distribution;

    SandboxLauncher(RuntimeDistribution distribution) {
        this.distribution = distribution;
    }

    Process launch(SandboxSpec spec, String runtimeApi, String logStreamName, Path output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(spec))
                .directory(spec.codeDirectory().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.clear();
        env.put("PATH", path);
        env.put("LANG", "en_US.UTF-8");
        env.put("LD_LIBRARY_PATH", spec.codeDirectory() + ":" + spec.codeDirectory().resolve("lib"));
        env.putAll(spec.environment());
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", logStreamName);
        env.put("LAMBDA_RUNTIME_DIR", distribution.directory().toString());
        Process process = builder.start();
        ProcessReaper.track(process);
        return process;
    }

    List<String> command(SandboxSpec spec) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(spec.javaHome().resolve("bin").resolve("java").toString());
        // AWS's java runtimes: heap at 85% of the function's memory, serial GC, C1 only for fast starts, CDS.
        command.add("-XX:MaxHeapSize=" + (spec.memoryMb() * 1024L * 85 / 100) + "k");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:+TieredCompilation");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        command.add("-Djava.net.preferIPv4Stack=true");
        command.add("-D" + RuntimeDistribution.JNI_PROPERTY + "=" + distribution.nativeLibrary());
        command.add("-classpath");
        command.add(classPath(spec.codeDirectory()));
        command.add(MAIN_CLASS);
        command.add(spec.handler());
        return command;
    }

    private String classPath(Path taskRoot) throws IOException {
        List<String> entries = new ArrayList<>();
        distribution.jars().forEach(jar -> entries.add(jar.toString()));
        entries.add(taskRoot.toString());
        Path archive = SandboxSpec.classArchive(taskRoot);
        if (Files.isRegularFile(archive)) {
            entries.add(archive.toString());
        }
        Path lib = taskRoot.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted()
                        .forEach(jar -> entries.add(jar.toString()));
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
