package io.selfheal.emulator.services.lambda.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files a runtime ships with the emulator (its bootstrap, its lockfile), copied out of the class path. */
final class RuntimeResources {
    private RuntimeResources() {
    }

    /** Copies {@code resource} (a class-path name) to {@code target}, once per emulator. */
    static Path copy(String resource, Path target) {
        if (Files.isRegularFile(target)) {
            return target;
        }
        try (InputStream in = RuntimeResources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the emulator was built without " + resource);
            }
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + resource, e);
        }
    }

    /** The first executable named {@code name} on the emulator's PATH, or null. */
    static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name);
            }
        }
        return null;
    }
}
