package io.selfheal.emulator.services.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where object bytes live: one file per stored object version in a directory of the emulator's own, removed on
 * close. Objects never sit in memory, so a cloud holds as much as the disk does.
 */
final class ObjectFiles implements AutoCloseable {
    private volatile Path root;

    private Path root() {
        Path r = root;
        if (r == null) {
            synchronized (this) {
                if (root == null) {
                    try {
                        root = Files.createTempDirectory("selfheal-s3-");
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot create the S3 object directory", e);
                    }
                }
                r = root;
            }
        }
        return r;
    }

    Path newFile() {
        try {
            return Files.createTempFile(root(), "object-", ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create an object file", e);
        }
    }

    /** Copies a stored object's file to a new one (CopyObject: the copy outlives its source). */
    Path copyOf(Path source) {
        Path target = newFile();
        try {
            Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy an object file", e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a file left behind goes with the directory on close
        }
    }

    @Override
    public void close() {
        Path r = root;
        if (r == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(r)) {
            all.sorted(Comparator.reverseOrder()).forEach(ObjectFiles::delete);
        } catch (IOException e) {
            // best effort: the directory is under the temp dir
        }
    }
}
