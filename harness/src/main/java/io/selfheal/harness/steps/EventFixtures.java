package io.selfheal.harness.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * The AWS event samples of the fixtures module ({@code events/<name>.json} on the class path), by name:
 * {@code guardduty-finding}.
 */
final class EventFixtures {
    private static final String DIR = "events/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventFixtures() {
    }

    /** The fixture's event, or null when there is none by that name. */
    static JsonNode load(String name) {
        try (InputStream in = EventFixtures.class.getClassLoader().getResourceAsStream(DIR + name + ".json")) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + name, e);
        }
    }

    /** Every fixture's name, for "did you mean"; empty when the directory cannot be listed. */
    static List<String> names() {
        URL dir = EventFixtures.class.getClassLoader().getResource(DIR);
        if (dir == null) {
            return List.of();
        }
        try {
            Stream<String> files;
            if ("jar".equals(dir.getProtocol())) {
                files = Collections.list(((JarURLConnection) dir.openConnection()).getJarFile().entries()).stream()
                        .map(e -> e.getName()).filter(n -> n.startsWith(DIR) && n.length() > DIR.length())
                        .map(n -> n.substring(DIR.length()));
            } else {
                try (Stream<Path> list = Files.list(Path.of(dir.toURI()))) {
                    files = list.map(p -> p.getFileName().toString()).toList().stream();
                }
            }
            return files.filter(n -> n.endsWith(".json") && !n.contains("/"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return List.of();
        }
    }
}
