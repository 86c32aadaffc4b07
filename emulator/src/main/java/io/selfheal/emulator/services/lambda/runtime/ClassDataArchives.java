package io.selfheal.emulator.services.lambda.runtime;

import io.selfheal.emulator.core.Digests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Class-data-sharing archives for Java sandboxes, one per JDK, runtime jars and code (an AppCDS "dynamic" archive
 * on top of the JDK's own): a cold JVM maps the classes its function loaded last time instead of parsing and
 * verifying them again, which takes most of the CPU of a Java cold start (the AWS SDK is thousands of classes).
 * <p>
 * The JVM uses an archive only with the class path it was made with, every jar at the same path with the same size
 * and modification time, and refuses directories on it. So each code gets a machine-wide cache entry
 * ({@code ~/.cache/selfheal/lambda-java-cds/<key>/}, {@code -D}{@value #CACHE_PROPERTY}): its deployment package and
 * {@code lib/} jars copied once (never rewritten) and, once made, {@code classes.jsa}; the runtime jars get a shared
 * entry of their own. The key hashes the JDK, the runtime jars and the code's SHA-256, so an archive can only meet
 * the code it was made from. The task root stays the sandbox's working directory, off the class path.
 * <p>
 * The first sandbox of a key runs with {@code -XX:+RecordDynamicDumpInfo}; after its first invocation, off the
 * request path, {@code jcmd <pid> VM.cds dynamic_dump} writes the archive (the sandbox need not exit), a throw-away
 * {@code java -Xshare:on … -version} proves it maps, and it is moved into place. Later sandboxes, in this emulator
 * or any other on the machine, start with {@code -XX:SharedArchiveFile}. An archive that does not map never fails an
 * invocation: the JVM runs on without it ({@code -Xshare:auto}); the first sandbox that did not map it is noticed
 * ({@code /proc/<pid>/maps}), logged once, and the archive is set aside so later sandboxes keep the JDK's own.
 * {@code -D}{@value #CACHE_PROPERTY}{@code =off} turns all this off.
 */
final class ClassDataArchives {
    static final String CACHE_PROPERTY = "selfheal.lambda.javaCdsCache";
    static final String MAX_ENTRIES_PROPERTY = "selfheal.lambda.javaCdsCacheEntries";
    static final String ARCHIVE = "classes.jsa";
    static final String REFUSED = "refused";
    private static final int DEFAULT_MAX_ENTRIES = 12;
    private static final long TOOL_TIMEOUT_SECONDS = 120;
    /** CDS warnings ("Skipping … Not linked" while dumping, a mismatch while mapping) are not the function's output. */
    static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    private static final Logger LOG = Logger.getLogger(ClassDataArchives.class.getName());

    /** How one sandbox starts: its class path, the archive flags, and what to do after its first invocation. */
    record Plan(List<Path> classPath, List<String> flags, LanguageRuntime.FirstInvocationHook afterFirstInvocation) {
    }

    private final Path root;
    private final int maxEntries;
    private final Set<String> recording = ConcurrentHashMap.newKeySet();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final Map<Path, String> jdkIds = new ConcurrentHashMap<>();
    /** Dumps and checks, one at a time, never on a request's thread. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "selfheal-lambda-cds");
        t.setDaemon(true);
        return t;
    });

    /** @param root the cache directory, or null when archives are off */
    ClassDataArchives(Path root, int maxEntries) {
        this.root = root;
        this.maxEntries = maxEntries;
    }

    /** The machine-wide cache, unless {@code -Dselfheal.lambda.javaCdsCache=off}. */
    static ClassDataArchives configured() {
        String configured = System.getProperty(CACHE_PROPERTY);
        if ("off".equalsIgnoreCase(configured)) {
            return new ClassDataArchives(null, 0);
        }
        Path root = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "selfheal", "lambda-java-cds");
        return new ClassDataArchives(root, Integer.getInteger(MAX_ENTRIES_PROPERTY, DEFAULT_MAX_ENTRIES));
    }

    boolean enabled() {
        return root != null;
    }

    /**
     * The class path and archive flags for a sandbox of {@code spec}, preparing the cache entry on the code's first
     * sandbox on this machine; null when no archive can be used (then the caller runs the JVM as before).
     *
     * @param jvmFlags the sandbox's other JVM flags, repeated when proving that a fresh archive maps
     */
    Plan plan(Path java, List<Path> runtimeJars, String runtimeJarsHash, SandboxSpec spec, List<String> jvmFlags) {
        if (root == null || spec.codeSha256() == null) {
            return null;
        }
        try {
            String key = sha256Hex(jdkId(java) + "\n" + runtimeJarsHash + "\n" + spec.codeSha256()).substring(0, 32);
            List<Path> classPath = new ArrayList<>(runtimeEntry(runtimeJars, runtimeJarsHash));
            Path entry = codeEntry(key, spec.codeDirectory());
            classPath.add(entry.resolve("package.jar"));
            classPath.addAll(sortedJars(entry.resolve("lib")));
            Path archive = entry.resolve(ARCHIVE);
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now())); // recently used: pruned last
            List<String> flags = new ArrayList<>(QUIET);
            if (Files.isRegularFile(archive)) {
                flags.add("-XX:SharedArchiveFile=" + archive);
                return new Plan(classPath, flags,
                        pid -> CompletableFuture.runAsync(() -> checkMapped(pid, archive, key), worker));
            }
            if (Files.exists(entry.resolve(REFUSED)) || !recording.add(key)) {
                return new Plan(classPath, List.of(), LanguageRuntime.FirstInvocationHook.NONE);
            }
            flags.add("-XX:+RecordDynamicDumpInfo");
            return new Plan(classPath, flags, pid -> CompletableFuture.runAsync(() -> {
                try {
                    dump(java, pid, entry, classPath, jvmFlags, key);
                } finally {
                    recording.remove(key);
                }
            }, worker));
        } catch (IOException | UncheckedIOException e) {
            warnOnce("cache", "Java class-data sharing is off: cannot use the cache " + root + " (" + e + ")");
            return null;
        }
    }

    // ---- the cache's entries ------------------------------------------------------------------------------------

    /** The runtime jars at stable paths, copied once per content. */
    private List<Path> runtimeEntry(List<Path> jars, String hash) throws IOException {
        Path dir = root.resolve("runtime-" + hash.substring(0, 16));
        if (!Files.isDirectory(dir)) {
            publish(dir, staging -> {
                for (Path jar : jars) {
                    Files.copy(jar, staging.resolve(jar.getFileName()));
                }
            });
        }
        return jars.stream().map(jar -> dir.resolve(jar.getFileName())).toList();
    }

    /** The code's package and lib jars at stable paths: the only copy made per code, on its first sandbox. */
    private Path codeEntry(String key, Path taskRoot) throws IOException {
        Path dir = root.resolve(key);
        if (!Files.isDirectory(dir)) {
            publish(dir, staging -> {
                linkOrCopy(SandboxSpec.deploymentPackage(taskRoot), staging.resolve("package.jar"));
                List<Path> libs = sortedJars(taskRoot.resolve("lib"));
                if (!libs.isEmpty()) {
                    Files.createDirectory(staging.resolve("lib"));
                    for (Path jar : libs) {
                        linkOrCopy(jar, staging.resolve("lib").resolve(jar.getFileName()));
                    }
                }
            });
            prune();
        }
        return dir;
    }

    private interface Filler {
        void fill(Path staging) throws IOException;
    }

    /** Fills a staging directory and renames it into place, so another emulator never sees half an entry. */
    private void publish(Path dir, Filler filler) throws IOException {
        Files.createDirectories(root);
        Path staging = Files.createTempDirectory(root, ".staging-");
        try {
            filler.fill(staging);
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
            // another sandbox or emulator published the same content first
        } finally {
            RuntimeHost.deleteRecursively(staging);
        }
    }

    private static void linkOrCopy(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /** Keeps the most recently used entries (packages and archives run to tens of MB each). */
    private void prune() {
        try (Stream<Path> entries = Files.list(root)) {
            List<Path> codes = entries.filter(p -> Files.isDirectory(p) && !p.getFileName().toString().startsWith("runtime-")
                            && !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(ClassDataArchives::lastUsed).reversed()).toList();
            codes.stream().skip(maxEntries).forEach(RuntimeHost::deleteRecursively);
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.FINE, "cannot prune " + root, e);
        }
    }

    private static FileTime lastUsed(Path dir) {
        try {
            return Files.getLastModifiedTime(dir);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    // ---- making and checking archives ---------------------------------------------------------------------------

    private void dump(Path java, long pid, Path entry, List<Path> classPath, List<String> jvmFlags, String key) {
        Path jcmd = java.resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            warnOnce("jcmd", "Java class-data sharing is off: there is no " + jcmd + " (a JRE without the JDK tools)");
            refuse(entry, "no jcmd");
            return;
        }
        Path partial = entry.resolve(ARCHIVE + "." + pid + ".part");
        try {
            Result dumped = run(List.of(jcmd.toString(), Long.toString(pid), "VM.cds", "dynamic_dump",
                    partial.toString()));
            if (!Files.isRegularFile(partial)) {
                // the sandbox ended meanwhile (a timeout, a crash): the next one records again
                LOG.fine("no archive from sandbox " + pid + ": " + dumped.output());
                return;
            }
            List<String> check = new ArrayList<>(List.of(java.toString()));
            check.addAll(jvmFlags);
            check.addAll(List.of("-XX:SharedArchiveFile=" + partial, "-Xshare:on", "-classpath",
                    join(classPath), "-version"));
            Result mapped = run(check);
            if (mapped.exitCode() != 0) {
                warnOnce(key, "the class-data archive made for " + entry + " does not map; its code runs without one: "
                        + mapped.output().strip());
                refuse(entry, mapped.output());
                return;
            }
            Files.move(partial, entry.resolve(ARCHIVE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot make the class-data archive of " + entry, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    /** A sandbox given the archive that did not map it: log once, and let later sandboxes keep the JDK's archive. */
    private void checkMapped(long pid, Path archive, String key) {
        try {
            String maps = Files.readString(Path.of("/proc", Long.toString(pid), "maps"), StandardCharsets.UTF_8);
            if (!maps.contains(archive.toString())) {
                warnOnce(key, "sandbox " + pid + " did not map the class-data archive " + archive
                        + "; it ran without it, and later sandboxes of that code start without it");
                Files.move(archive, archive.resolveSibling(REFUSED), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the sandbox is gone already: nothing to learn
            LOG.log(Level.FINEST, "cannot read the maps of " + pid, e);
        }
    }

    private static void refuse(Path entry, String why) {
        try {
            Files.writeString(entry.resolve(REFUSED), why, StandardCharsets.UTF_8);
        } catch (IOException ignored) {
            // the next sandbox tries again
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(TOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private void warnOnce(String what, String message) {
        if (warned.add(what)) {
            LOG.warning(message);
        }
    }

    // ---- keys ---------------------------------------------------------------------------------------------------

    /** The JDK as the archive depends on it: its location and its module image (a JDK update replaces it). */
    private String jdkId(Path java) {
        return jdkIds.computeIfAbsent(java, j -> {
            try {
                Path home = j.toRealPath().getParent().getParent();
                Path modules = home.resolve("lib").resolve("modules");
                return home + "|" + Files.size(modules) + "|" + Files.getLastModifiedTime(modules).toMillis();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** SHA-256 over the jars' contents, in order. */
    static String contentHash(List<Path> jars) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path jar : jars) {
                digest.update(jar.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(jar));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(String text) {
        return Digests.sha256Hex(text);
    }

    static List<Path> sortedJars(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    static String join(List<Path> classPath) {
        return String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList());
    }
}
