package io.selfheal.harness.stack;

import io.selfheal.harness.yaml.YNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Text a scenario refers to instead of inlining: {@code classpath:patterns/x.json} (e.g. from the fixtures jar) or a
 * path relative to the scenario file, so patterns can be shared with the team's infrastructure code.
 */
public final class ResourceText {
    private ResourceText() {
    }

    /** @return the text, or null after reporting a problem on {@code node} */
    static String read(String reference, Path scenarioDir, YNode node) {
        return read(reference, scenarioDir, node::problem);
    }

    /**
     * The text of {@code classpath:…} or of a file relative to {@code scenarioDir} (the Java DSL's base directory).
     *
     * @return the text, or null after telling {@code problem} why not
     */
    public static String read(String reference, Path scenarioDir, Consumer<String> problem) {
        if (reference.startsWith("classpath:")) {
            String name = reference.substring("classpath:".length()).replaceFirst("^/", "");
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            try (InputStream in = loader == null ? null : loader.getResourceAsStream(name)) {
                if (in == null) {
                    problem.accept("no class-path resource '" + name + "'");
                    return null;
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                problem.accept("cannot read class-path resource '" + name + "': " + e.getMessage());
                return null;
            }
        }
        Path path = resolve(reference, scenarioDir);
        if (!Files.isRegularFile(path)) {
            problem.accept("no file " + path);
            return null;
        }
        try {
            return Files.readString(path);
        } catch (IOException e) {
            problem.accept("cannot read " + path + ": " + e.getMessage());
            return null;
        }
    }

    public static Path resolve(String reference, Path scenarioDir) {
        return scenarioDir.resolve(reference).normalize();
    }
}
