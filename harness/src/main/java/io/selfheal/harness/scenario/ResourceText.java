package io.selfheal.harness.scenario;

import io.selfheal.harness.yaml.YNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text a scenario refers to instead of inlining: {@code classpath:patterns/x.json} (e.g. from the fixtures jar) or a
 * path relative to the scenario file, so patterns can be shared with the team's infrastructure code.
 */
final class ResourceText {
    private ResourceText() {
    }

    /** @return the text, or null after reporting a problem on {@code node} */
    static String read(String reference, Path scenarioDir, YNode node) {
        if (reference.startsWith("classpath:")) {
            String name = reference.substring("classpath:".length()).replaceFirst("^/", "");
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            try (InputStream in = loader == null ? null : loader.getResourceAsStream(name)) {
                if (in == null) {
                    node.problem("no class-path resource '" + name + "'");
                    return null;
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                node.problem("cannot read class-path resource '" + name + "': " + e.getMessage());
                return null;
            }
        }
        Path path = resolve(reference, scenarioDir);
        if (!Files.isRegularFile(path)) {
            node.problem("no file " + path);
            return null;
        }
        try {
            return Files.readString(path);
        } catch (IOException e) {
            node.problem("cannot read " + path + ": " + e.getMessage());
            return null;
        }
    }

    static Path resolve(String reference, Path scenarioDir) {
        return scenarioDir.resolve(reference).normalize();
    }
}
