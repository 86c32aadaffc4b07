package io.selfheal.emulator.services.lambda.runtime;

import io.selfheal.emulator.core.Digests;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * {@code nodejs18.x}, {@code nodejs20.x} and {@code nodejs22.x} on the machine's {@code node} ({@value #NODE_ENV} or
 * {@code -D}{@value #NODE_PROPERTY} to choose another), running our bootstrap
 * ({@code lambda-runtime-nodejs/bootstrap.mjs}).
 * <p>
 * AWS's Node.js runtimes provide the AWS SDK for JavaScript v3 to functions; so does this one: the clients pinned by
 * {@code lambda-runtime-nodejs/package-lock.json} are installed with {@code npm ci} once into a cache shared by every
 * emulator of the machine ({@code ~/.cache/selfheal/lambda-nodejs-sdk/<lockfile hash>}, or
 * {@code -D}{@value #SDK_CACHE_PROPERTY}). The install starts when the first Node.js function is created and its
 * first sandbox waits for it. Functions find the SDK as on AWS, by bare import ({@code import {EC2Client} from
 * "@aws-sdk/client-ec2"}): CommonJS through {@code NODE_PATH}, ES modules through a {@code node_modules} link beside
 * the task root (ES module resolution ignores {@code NODE_PATH}).
 */
final class NodeRuntime implements LanguageRuntime {
    static final String NODE_ENV = "SELFHEAL_NODE";
    static final String NODE_PROPERTY = "selfheal.lambda.node";
    static final String SDK_CACHE_PROPERTY = "selfheal.lambda.nodejsSdkCache";
    private static final String RESOURCES = "io/selfheal/emulator/lambda-runtime-nodejs/";
    private static final String INSTALLED_MARKER = ".selfheal-installed";
    private static final long INSTALL_TIMEOUT_SECONDS = 600;
    private static final Logger LOG = Logger.getLogger(NodeRuntime.class.getName());

    private final Path directory;
    private volatile String problem;
    private volatile Path node;
    private CompletableFuture<Path> sdk;

    NodeRuntime(Path workDirectory) {
        this.directory = workDirectory.resolve("nodejs");
    }

    @Override
    public synchronized String unavailable(RuntimeCatalog.Entry runtime) {
        if (node == null && problem == null) {
            examine();
        }
        if (problem == null && sdk == null) {
            sdk = CompletableFuture.supplyAsync(this::installSdk);
        }
        return problem;
    }

    @Override
    public Launch launch(SandboxSpec spec) throws IOException {
        String missing = unavailable(RuntimeCatalog.find(spec.runtime()).orElseThrow());
        if (missing != null) {
            throw new IOException(missing);
        }
        Path bootstrap = RuntimeResources.copy(RESOURCES + "bootstrap.mjs", directory.resolve("bootstrap.mjs"));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LAMBDA_RUNTIME_DIR", directory.toString());
        Path modules = sdkModules();
        if (modules != null) {
            env.put("NODE_PATH", modules.toString());
            Path link = spec.codeDirectory().resolveSibling("node_modules");
            try {
                Files.createSymbolicLink(link, modules);
            } catch (FileAlreadyExistsException ignored) {
                // a second sandbox of the same code
            }
        }
        return new Launch(List.of(node.toString(), bootstrap.toString()), env);
    }

    private void examine() {
        String configured = System.getProperty(NODE_PROPERTY, System.getenv(NODE_ENV));
        Path candidate = configured != null && !configured.isBlank() ? Path.of(configured) : RuntimeResources.onPath("node");
        String install = "install Node.js 18 or later (Debian/Ubuntu: apt-get install nodejs npm) or point " + NODE_ENV
                + " at a node executable";
        if (candidate == null || !Files.isExecutable(candidate)) {
            problem = "there is no node on the PATH: " + install;
            return;
        }
        try {
            Process p = new ProcessBuilder(candidate.toString(), "--version").redirectErrorStream(true).start();
            String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(30, TimeUnit.SECONDS);
            int major = Integer.parseInt(version.replaceFirst("^v(\\d+).*$", "$1"));
            if (major < 18) {
                problem = candidate + " is Node.js " + version + ": " + install;
                return;
            }
            node = candidate;
        } catch (IOException | NumberFormatException e) {
            problem = "cannot run " + candidate + " --version (" + e.getMessage() + "): " + install;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted while checking " + candidate;
        }
    }

    /** The installed SDK's node_modules, waiting for the install; null (and a warning) when it could not be. */
    private Path sdkModules() {
        CompletableFuture<Path> install;
        synchronized (this) {
            install = sdk;
        }
        try {
            return install.get(INSTALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warning("the AWS SDK for JavaScript is not available to Node.js functions: " + e.getMessage());
            return null;
        }
    }

    /** npm ci of the pinned lockfile into the machine's cache, once; a file lock keeps two emulators apart. */
    private Path installSdk() {
        try {
            byte[] lock = resource("package-lock.json");
            Path cache = Path.of(System.getProperty(SDK_CACHE_PROPERTY, Path.of(System.getProperty("user.home"),
                    ".cache", "selfheal", "lambda-nodejs-sdk").toString())).resolve(hash(lock));
            Path modules = cache.resolve("node_modules");
            if (Files.exists(modules.resolve(INSTALLED_MARKER))) {
                return modules;
            }
            Files.createDirectories(cache);
            try (FileChannel channel = FileChannel.open(cache.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (Files.exists(modules.resolve(INSTALLED_MARKER))) {
                    return modules;
                }
                Files.write(cache.resolve("package.json"), resource("package.json"));
                Files.write(cache.resolve("package-lock.json"), lock);
                Path npm = RuntimeResources.onPath("npm");
                if (npm == null) {
                    throw new IOException("there is no npm on the PATH (Debian/Ubuntu: apt-get install npm)");
                }
                Process p = new ProcessBuilder(npm.toString(), "ci", "--prefer-offline", "--no-audit", "--no-fund",
                        "--loglevel=error").directory(cache.toFile()).redirectErrorStream(true)
                        .redirectOutput(cache.resolve("npm-ci.log").toFile()).start();
                if (!p.waitFor(INSTALL_TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    throw new IOException("npm ci failed in " + cache + " (see npm-ci.log there)");
                }
                Files.createFile(modules.resolve(INSTALLED_MARKER));
                return modules;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (var in = NodeRuntime.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException("the emulator was built without " + RESOURCES + name);
            }
            return in.readAllBytes();
        }
    }

    private static String hash(byte[] bytes) {
        return Digests.sha256Hex(bytes).substring(0, 16);
    }
}
