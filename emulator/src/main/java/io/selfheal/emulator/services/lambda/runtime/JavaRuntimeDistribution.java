package io.selfheal.emulator.services.lambda.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * AWS's Runtime Interface Client and its dependencies, as the emulator carries them: resources under
 * {@value #RESOURCE_DIR}, copied there at build time. Running from {@code target/classes} they are used in place;
 * inside a (possibly shaded) jar they are extracted once into {@code workDir}.
 * <p>
 * The RIC's native HTTP client is also extracted here, and the sandbox is told where with a system property: left
 * to itself, every RIC copies it to the same {@code /tmp/.libaws-lambda-jni.so}, which races when several
 * sandboxes (or several emulators) start at once.
 */
public final class JavaRuntimeDistribution {
    static final String RESOURCE_DIR = "io/selfheal/emulator/lambda-runtime/";
    static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private final Path directory;
    private final List<Path> jars;
    private final Path nativeLibrary;

    private JavaRuntimeDistribution(Path directory, List<Path> jars, Path nativeLibrary) {
        this.directory = directory;
        this.jars = List.copyOf(jars);
        this.nativeLibrary = nativeLibrary;
    }

    /** Finds the runtime jars next to this class and extracts what must be extracted into {@code workDir}. */
    public static JavaRuntimeDistribution locate(Path workDir) {
        try {
            Path dir = resourceDirectory(workDir);
            List<Path> jars;
            try (Stream<Path> files = Files.list(dir)) {
                jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
            }
            Path ric = jars.stream().filter(p -> p.getFileName().toString().startsWith(
                    "aws-lambda-java-runtime-interface-client")).findFirst().orElseThrow(() ->
                    new IllegalStateException("the Lambda runtime interface client is not in " + dir
                            + " (was the emulator built with its maven-dependency-plugin execution?)"));
            Path lib = extractNativeLibrary(ric, workDir);
            return new JavaRuntimeDistribution(dir, jars, lib);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Lambda runtime", e);
        }
    }

    /** The directory holding the runtime jars ({@code LAMBDA_RUNTIME_DIR}). */
    public Path directory() {
        return directory;
    }

    public List<Path> jars() {
        return jars;
    }

    public Path nativeLibrary() {
        return nativeLibrary;
    }

    private static Path resourceDirectory(Path workDir) throws IOException {
        Path codeSource = codeSource();
        if (codeSource != null && Files.isDirectory(codeSource)) {
            Path dir = codeSource.resolve(RESOURCE_DIR);
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        Path target = Files.createDirectories(workDir.resolve("runtime"));
        if (codeSource != null && Files.isRegularFile(codeSource)) {
            extractFromJar(codeSource, target);
        } else {
            extractThroughClassLoader(target);
        }
        return target;
    }

    private static Path codeSource() {
        try {
            var source = JavaRuntimeDistribution.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null || !"file".equals(source.getLocation().getProtocol())) {
                return null;
            }
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }

    private static void extractFromJar(Path jar, Path target) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith(RESOURCE_DIR) && name.endsWith(".jar") && name.indexOf('/', RESOURCE_DIR.length()) < 0) {
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, target.resolve(name.substring(RESOURCE_DIR.length())),
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    /** Last resort (nested jars and other exotic class loaders): the directory must be listable as a resource. */
    private static void extractThroughClassLoader(Path target) throws IOException {
        URL dir = JavaRuntimeDistribution.class.getClassLoader().getResource(RESOURCE_DIR);
        if (dir == null) {
            throw new IOException("resource directory " + RESOURCE_DIR + " not found");
        }
        List<String> names = new ArrayList<>();
        try (InputStream listing = dir.openStream()) {
            for (String line : new String(listing.readAllBytes()).split("\n")) {
                if (line.trim().endsWith(".jar")) {
                    names.add(line.trim());
                }
            }
        }
        for (String name : names) {
            try (InputStream in = JavaRuntimeDistribution.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name)) {
                if (in != null) {
                    Files.copy(in, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static Path extractNativeLibrary(Path ricJar, Path workDir) throws IOException {
        String entryName = "jni/libaws-lambda-jni." + platform() + ".so";
        Path target = Files.createDirectories(workDir.resolve("jni")).resolve("libaws-lambda-jni.so");
        try (JarFile jar = new JarFile(ricJar.toFile())) {
            JarEntry entry = jar.getJarEntry(entryName);
            if (entry == null) {
                throw new IOException("the runtime interface client has no native library " + entryName);
            }
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }

    /** The RIC ships glibc and musl builds for x86_64 and aarch64, as AWS's own images need. */
    private static String platform() {
        String arch = System.getProperty("os.arch", "");
        String cpu = arch.equals("aarch64") || arch.equals("arm64") ? "aarch_64" : "x86_64";
        boolean musl = Files.exists(Path.of("/lib/ld-musl-x86_64.so.1"))
                || Files.exists(Path.of("/lib/ld-musl-aarch64.so.1"));
        return (musl ? "linux_musl-" : "linux-") + cpu;
    }
}
