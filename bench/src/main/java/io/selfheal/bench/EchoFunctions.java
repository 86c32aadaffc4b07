package io.selfheal.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The smallest function of each runtime family, returning its event: what an invoke costs beyond the handler. */
final class EchoFunctions {
    /** A deployment package and the handler that names its function. */
    record Package(byte[] zip, String handler) {
    }

    private EchoFunctions() {
    }

    static Package of(String runtime) {
        if (runtime.startsWith("python")) {
            // import boto3 as real functions do: part of a Python cold start.
            return new Package(zip("echo.py", "import boto3\n\n\ndef handler(event, context):\n    return event\n"),
                    "echo.handler");
        }
        if (runtime.startsWith("nodejs")) {
            return new Package(zip("index.mjs", "export const handler = async (event) => event;\n"), "index.handler");
        }
        String entry = EchoHandler.class.getName().replace('.', '/') + ".class";
        try (InputStream in = EchoHandler.class.getClassLoader().getResourceAsStream(entry)) {
            return new Package(zip(entry, in.readAllBytes()), EchoHandler.class.getName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(String name, String source) {
        return zip(name, source.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] zip(String name, byte[] content) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
