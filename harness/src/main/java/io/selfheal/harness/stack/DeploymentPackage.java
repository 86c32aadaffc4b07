package io.selfheal.harness.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A function's {@code code:} as the zip CreateFunction takes: a jar or zip as it is; a directory zipped with its
 * contents at the root (as {@code cd src && zip -r ../function.zip .}); one {@code .py}, {@code .mjs}, {@code .cjs}
 * or {@code .js} file zipped alone. Entries are sorted and undated, so the same sources give the same CodeSha256.
 */
final class DeploymentPackage {
    private static final List<String> SOURCE_FILES = List.of(".py", ".mjs", ".cjs", ".js");

    private DeploymentPackage() {
    }

    static byte[] of(Path code) throws IOException {
        if (Files.isDirectory(code)) {
            try (Stream<Path> files = Files.walk(code)) {
                return zip(code, files.filter(Files::isRegularFile)
                        .filter(f -> !code.relativize(f).toString().contains("__pycache__")).sorted().toList());
            }
        }
        String name = code.getFileName().toString();
        if (SOURCE_FILES.stream().anyMatch(name::endsWith)) {
            return zip(code.getParent(), List.of(code));
        }
        return Files.readAllBytes(code);
    }

    private static byte[] zip(Path root, List<Path> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Path f : files) {
                ZipEntry entry = new ZipEntry(root.relativize(f).toString().replace('\\', '/'));
                entry.setTime(0);
                zip.putNextEntry(entry);
                zip.write(Files.readAllBytes(f));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
