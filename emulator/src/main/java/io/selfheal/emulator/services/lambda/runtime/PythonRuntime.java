package io.selfheal.emulator.services.lambda.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code python3.9} … {@code python3.13} on the machine's {@code python3} ({@value #INTERPRETER_ENV} or
 * {@code -D}{@value #INTERPRETER_PROPERTY} to choose another), with its own {@code boto3} as AWS provides boto3 to
 * functions. The sandbox runs our bootstrap ({@code lambda-runtime-python/bootstrap.py}), which implements AWS's
 * Runtime API contract, the context object and the log format, and points every boto3 client at the emulator.
 * <p>
 * The interpreter is resolved once (a pyenv shim or a wrapper costs tens of milliseconds per start) and checked for
 * boto3, so a machine without them fails CreateFunction with what to install.
 */
final class PythonRuntime implements LanguageRuntime {
    static final String INTERPRETER_ENV = "SELFHEAL_PYTHON";
    static final String INTERPRETER_PROPERTY = "selfheal.lambda.python";
    private static final String BOOTSTRAP = "io/selfheal/emulator/lambda-runtime-python/bootstrap.py";
    private static final String INSTALL = "install Python 3 with boto3 (Debian/Ubuntu: apt-get install python3 "
            + "python3-boto3) or point " + INTERPRETER_ENV + " at an interpreter that has boto3";

    private final Path directory;
    private volatile Probe probe;

    /** What the interpreter said about itself: its real executable, or why it cannot serve. */
    private record Probe(Path executable, String problem) {
    }

    PythonRuntime(Path workDirectory) {
        this.directory = workDirectory.resolve("python");
    }

    @Override
    public String unavailable(RuntimeCatalog.Entry runtime) {
        return probe().problem();
    }

    @Override
    public Launch launch(SandboxSpec spec) throws IOException {
        Probe p = probe();
        if (p.problem() != null) {
            throw new IOException(p.problem());
        }
        Path bootstrap = RuntimeResources.copy(BOOTSTRAP, directory.resolve("bootstrap.py"));
        // -u: print() reaches the log before the response is posted, so each line lands in its own invocation.
        return new Launch(List.of(p.executable().toString(), "-u", bootstrap.toString()), Map.of(
                "LAMBDA_RUNTIME_DIR", directory.toString(),
                "PYTHONPATH", spec.codeDirectory().toString(),
                "PYTHONUNBUFFERED", "1",
                "PYTHONDONTWRITEBYTECODE", "1"));
    }

    private Probe probe() {
        Probe p = probe;
        if (p == null) {
            synchronized (this) {
                p = probe;
                if (p == null) {
                    p = examine(interpreter());
                    probe = p;
                }
            }
        }
        return p;
    }

    private static String interpreter() {
        String configured = System.getProperty(INTERPRETER_PROPERTY, System.getenv(INTERPRETER_ENV));
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path found = RuntimeResources.onPath("python3");
        return found == null ? null : found.toString();
    }

    private static Probe examine(String interpreter) {
        if (interpreter == null) {
            return new Probe(null, "there is no python3 on the PATH: " + INSTALL);
        }
        try {
            Process p = new ProcessBuilder(interpreter, "-c",
                    "import sys; print(sys.executable); import boto3; print(boto3.__version__)")
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Probe(null, interpreter + " did not answer within 30 s");
            }
            String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip()
                    .split("\n");
            if (p.exitValue() != 0) {
                return new Probe(null, interpreter + " cannot import boto3 (" + lines[lines.length - 1].strip()
                        + "): " + INSTALL);
            }
            return new Probe(Path.of(lines[0].strip()), null);
        } catch (IOException e) {
            return new Probe(null, "cannot start " + interpreter + " (" + e.getMessage() + "): " + INSTALL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(null, "interrupted while checking " + interpreter);
        }
    }
}
