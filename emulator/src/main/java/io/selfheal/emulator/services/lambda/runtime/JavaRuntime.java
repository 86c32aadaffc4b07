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
 * {@code java17} and {@code java21}, started the way AWS's java runtimes start theirs:
 * {@code java <flags> -cp <runtime jars>:<task root>:<package>:<task root>/lib/*.jar
 * com.amazonaws.services.lambda.runtime.api.client.AWSLambda <handler>} — AWS's Runtime Interface Client, which the
 * emulator carries ({@link JavaRuntimeDistribution}). Class files stay in the deployment package, which sits beside
 * the task root on the class path: same classes, a fraction of the files to create.
 */
final class JavaRuntime implements LanguageRuntime {
    /** Overrides the JDK of a runtime, e.g. {@code -Dselfheal.lambda.java21.home=/opt/jdk-21}. */
    static final String JAVA_HOME_PROPERTY = "selfheal.lambda.%s.home";
    static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private final Path workDirectory;
    private volatile JavaRuntimeDistribution distribution;

    JavaRuntime(Path workDirectory) {
        this.workDirectory = workDirectory;
    }

    @Override
    public String unavailable(RuntimeCatalog.Entry runtime) {
        Path java = javaHome(runtime.identifier()).resolve("bin").resolve("java");
        return Files.isExecutable(java) ? null : "there is no " + java + " to run " + runtime.identifier()
                + " functions: set -D" + String.format(JAVA_HOME_PROPERTY, runtime.identifier())
                + " to a JDK of that version";
    }

    @Override
    public boolean keepsInPackage(String entryName) {
        return entryName.endsWith(".class");
    }

    @Override
    public Launch launch(SandboxSpec spec) throws IOException {
        JavaRuntimeDistribution d = distribution();
        List<String> command = new ArrayList<>();
        command.add(javaHome(spec.runtime()).resolve("bin").resolve("java").toString());
        // AWS's java runtimes: heap at 85% of the function's memory, serial GC, C1 only for fast starts, CDS.
        command.add("-XX:MaxHeapSize=" + (spec.memoryMb() * 1024L * 85 / 100) + "k");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:+TieredCompilation");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        command.add("-Djava.net.preferIPv4Stack=true");
        command.add("-D" + JavaRuntimeDistribution.JNI_PROPERTY + "=" + d.nativeLibrary());
        command.add("-classpath");
        command.add(classPath(d, spec.codeDirectory()));
        command.add(MAIN_CLASS);
        command.add(spec.handler());
        return new Launch(command, Map.of("LAMBDA_RUNTIME_DIR", d.directory().toString(),
                "LD_LIBRARY_PATH", spec.codeDirectory() + ":" + spec.codeDirectory().resolve("lib")));
    }

    private static Path javaHome(String runtime) {
        return Path.of(System.getProperty(String.format(JAVA_HOME_PROPERTY, runtime), System.getProperty("java.home")));
    }

    /** Located on first use: an emulator that never runs a Java function never touches the runtime jars. */
    private JavaRuntimeDistribution distribution() {
        JavaRuntimeDistribution d = distribution;
        if (d == null) {
            synchronized (this) {
                d = distribution;
                if (d == null) {
                    d = JavaRuntimeDistribution.locate(workDirectory);
                    distribution = d;
                }
            }
        }
        return d;
    }

    private static String classPath(JavaRuntimeDistribution d, Path taskRoot) throws IOException {
        List<String> entries = new ArrayList<>();
        d.jars().forEach(jar -> entries.add(jar.toString()));
        entries.add(taskRoot.toString());
        Path archive = SandboxSpec.deploymentPackage(taskRoot);
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
