package io.selfheal.emulator.services.lambda;

import io.selfheal.emulator.services.lambda.runtime.RuntimeHost;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A deployment package: the uploaded zip (or jar) extracted into its own directory, which becomes the sandbox's
 * task root ({@code /var/task} on AWS).
 *
 * @param size      the zip's size in bytes ({@code CodeSize})
 * @param sha256    base64 of the zip's SHA-256 ({@code CodeSha256})
 * @param directory where it was extracted
 */
record FunctionCode(long size, String sha256, Path directory) {
    /** Lambda's limit on a package's unzipped size. */
    private static final long MAX_UNZIPPED = 262_144_000L;
    private static final String UNZIP_FAILED =
            "Could not unzip uploaded file. Please check your file, then try to upload again.";

    /** Decodes and extracts {@code Code.ZipFile} into a fresh directory under {@code parent}. */
    static FunctionCode extract(String zipBase64, Path parent) {
        byte[] zip;
        try {
            zip = Base64.getMimeDecoder().decode(zipBase64);
        } catch (IllegalArgumentException e) {
            throw LambdaErrors.invalidParameter(UNZIP_FAILED);
        }
        if (zip.length < 4 || zip[0] != 'P' || zip[1] != 'K') {
            throw LambdaErrors.invalidParameter(UNZIP_FAILED);
        }
        Path dir;
        try {
            dir = Files.createTempDirectory(Files.createDirectories(parent), "code-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            if (unzip(zip, dir) == 0) {
                throw new ZipException("no entries");
            }
        } catch (IOException | IllegalArgumentException e) {
            RuntimeHost.deleteRecursively(dir);
            throw LambdaErrors.invalidParameter(UNZIP_FAILED);
        } catch (RuntimeException e) {
            RuntimeHost.deleteRecursively(dir);
            throw e;
        }
        return new FunctionCode(zip.length, sha256(zip), dir);
    }

    void delete() {
        RuntimeHost.deleteRecursively(directory);
    }

    private static int unzip(byte[] zip, Path dir) throws IOException {
        int entries = 0;
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries++;
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new ZipException("entry outside the package: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        total += n;
                        if (total > MAX_UNZIPPED) {
                            throw LambdaErrors.invalidParameter(
                                    "Unzipped size must be smaller than " + MAX_UNZIPPED + " bytes");
                        }
                        out.write(buffer, 0, n);
                    }
                }
            }
        }
        return entries;
    }

    private static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
