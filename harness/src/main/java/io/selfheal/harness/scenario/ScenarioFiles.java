package io.selfheal.harness.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Finds scenario files: {@code *.yaml} / {@code *.yml} under the given files and directories, in path order. */
public final class ScenarioFiles {
    /** Build output, sources and tool folders hold no scenarios. */
    private static final Set<String> SKIPPED = Set.of("target", "src", "node_modules");

    private ScenarioFiles() {
    }

    public static boolean isScenarioFile(Path path) {
        String name = path.getFileName().toString();
        return Files.isRegularFile(path) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    public static List<Path> find(Path root) {
        if (Files.isRegularFile(root)) {
            return isScenarioFile(root) ? List.of(root) : List.of();
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> !skipped(root, p)).filter(ScenarioFiles::isScenarioFile).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean skipped(Path root, Path path) {
        Path relative = root.relativize(path);
        for (Path part : relative) {
            String name = part.toString();
            if (SKIPPED.contains(name) || (name.startsWith(".") && !name.equals("."))) {
                return true;
            }
        }
        return false;
    }
}
