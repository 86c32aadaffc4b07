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
 * the task root on the class path: same classes, a fraction of the files to create. With a class-data archive
 * ({@link ClassDataArchives}, the default) the package and runtime jars are read from the archive's cache entry
 * instead and the task root leaves the class path (the JVM refuses archives with directories on it); every
 * resource of the task root is in the package, so functions find the same classes and resources.
 */
final class JavaRuntime implements LanguageRuntime {
    /** Overrides the JDK of a runtime, e.g. {@code -Dselfheal.lambda.java21.home=/opt/jdk-21}. */
    static final String JAVA_HOME_PROPERTY = "selfheal.lambda.%s.home";
    static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private final Path workDirectory;
    private volatile JavaRuntimeDistribution distribution;
    private volatile String runtimeJarsHash;
    private final ClassDataArchives archives = ClassDataArchives.configured();

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
    public boolean limitsOwnMemory() {
        return true;
    }

    @Override
    public boolean keepsInPackage(String entryName) {
        return entryName.endsWith(".class");
    }

    @Override
    public Launch launch(SandboxSpec spec) throws IOException {
        JavaRuntimeDistribution d = distribution();
        Path java = javaHome(spec.runtime()).resolve("bin").resolve("java");
        List<String> flags = jvmFlags(spec, d);
        ClassDataArchives.Plan plan = archives.plan(java, d.jars(), runtimeJarsHash(d), spec, flags);
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(flags);
        if (plan != null) {
            command.addAll(plan.flags());
        }
        command.add("-classpath");
        command.add(plan != null ? ClassDataArchives.join(plan.classPath()) : classPath(d, spec.codeDirectory()));
        command.add(MAIN_CLASS);
        command.add(spec.handler());
        Map<String, String> env = Map.of("LAMBDA_RUNTIME_DIR", d.directory().toString(),
                "LD_LIBRARY_PATH", spec.codeDirectory() + ":" + spec.codeDirectory().resolve("lib"));
        return plan == null ? new Launch(command, env) : new Launch(command, env, plan.afterFirstInvocation());
    }

    /**
     * The JVM flags of AWS's java17/java21 runtimes, as "Customize Java runtime startup behavior"
     * (https://docs.aws.amazon.com/lambda/latest/dg/java-customization.html) describes them: tiered compilation
     * stopped at level 1 (C1 only, for fast starts), the serial collector by default, class-data sharing; the heap
     * sized from MemorySize at 85% (process listings taken inside Lambda show {@code -XX:MaxHeapSize=445645k} for a
     * 512 MB function), so a function that outgrows its memory fails
     * with {@code java.lang.OutOfMemoryError} as on AWS. {@code JAVA_TOOL_OPTIONS} from the function's environment
     * is read by the JVM itself and adds to or overrides these, as on AWS.
     */
    private static List<String> jvmFlags(SandboxSpec spec, JavaRuntimeDistribution d) {
        return List.of("-XX:MaxHeapSize=" + (spec.memoryMb() * 1024L * 85 / 100) + "k",
                "-XX:+UseSerialGC",
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-Djava.net.preferIPv4Stack=true",
                "-D" + JavaRuntimeDistribution.JNI_PROPERTY + "=" + d.nativeLibrary());
    }

    /** Hashed once per emulator: the runtime jars are part of every archive's key. */
    private String runtimeJarsHash(JavaRuntimeDistribution d) {
        String h = runtimeJarsHash;
        if (h == null) {
            h = ClassDataArchives.contentHash(d.jars());
            runtimeJarsHash = h;
        }
        return h;
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
