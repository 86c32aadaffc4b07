package io.selfheal.emulator.services.lambda;

import io.selfheal.emulator.core.Digests;
import io.selfheal.emulator.services.lambda.runtime.RuntimeHost;
import io.selfheal.emulator.services.lambda.runtime.SandboxSpec;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.util.Base64;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.Enumeration;
import java.util.zip.ZipFile;

/**
 * A deployment package: the uploaded zip (or jar) extracted into its own directory, which becomes the sandbox's
 * task root ({@code /var/task} on AWS). The package itself is kept beside it ({@link SandboxSpec#deploymentPackage}),
 * so a runtime may read some entries from it unextracted.
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

    /**
     * Decodes and extracts {@code Code.ZipFile} into a fresh directory under {@code parent}.
     *
     * @param keptInPackage entries the runtime reads from the package, which are not extracted
     */
    static FunctionCode extract(String zipBase64, Path parent, Predicate<String> keptInPackage) {
        byte[] zip;
        try {
            zip = Base64.getMimeDecoder().decode(zipBase64);
        } catch (IllegalArgumentException e) {
            throw LambdaErrors.invalidParameter(UNZIP_FAILED);
        }
        return extract(new ByteArrayInputStream(zip), parent, keptInPackage);
    }

    /**
     * Copies a package from a stream (an S3 object) beside a fresh directory under {@code parent}, hashing it as it
     * goes, and extracts it there: never whole in memory.
     */
    static FunctionCode extract(InputStream zip, Path parent, Predicate<String> keptInPackage) {
        Path home;
        Path dir;
        long size;
        byte[] sha256;
        try {
            home = Files.createTempDirectory(Files.createDirectories(parent), "code-");
            dir = Files.createDirectory(home.resolve("task"));
            DigestInputStream hashing = new DigestInputStream(zip, Digests.sha256Digest());
            size = Files.copy(hashing, SandboxSpec.deploymentPackage(dir));
            sha256 = hashing.getMessageDigest().digest();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            if (!isZip(SandboxSpec.deploymentPackage(dir))
                    || unzip(SandboxSpec.deploymentPackage(dir), dir, keptInPackage) == 0) {
                throw new ZipException("not a zip, or no entries");
            }
        } catch (IOException | IllegalArgumentException e) {
            RuntimeHost.deleteRecursively(home);
            throw LambdaErrors.invalidParameter(UNZIP_FAILED);
        } catch (RuntimeException e) {
            RuntimeHost.deleteRecursively(home);
            throw e;
        }
        return new FunctionCode(size, Base64.getEncoder().encodeToString(sha256), dir);
    }

    /** A zip begins with "PK" (a local file header, or an empty archive's end record). */
    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(2);
            return magic.length == 2 && magic[0] == 'P' && magic[1] == 'K';
        }
    }

    void delete() {
        RuntimeHost.deleteRecursively(directory.getParent());
    }

    /** Extracts every entry the runtime does not read from the package; the size limit counts them all, as Lambda's does. */
    private static int unzip(Path archive, Path dir, Predicate<String> keptInPackage) throws IOException {
        int entries = 0;
        long total = 0;
        java.util.Set<Path> made = new java.util.HashSet<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                ZipEntry entry = all.nextElement();
                entries++;
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new ZipException("entry outside the package: " + entry.getName());
                }
                total += Math.max(0, entry.getSize());
                if (total > MAX_UNZIPPED) {
                    throw LambdaErrors.invalidParameter("Unzipped size must be smaller than " + MAX_UNZIPPED + " bytes");
                }
                if (entry.isDirectory() || keptInPackage.test(entry.getName())) {
                    continue;
                }
                if (made.add(target.getParent())) {
                    Files.createDirectories(target.getParent());
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target);
                }
            }
        }
        return entries;
    }
}
