package io.selfheal.harness.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema of scenario files, the resource {@value #RESOURCE} of the harness jar. It mirrors what
 * {@link ScenarioLoader} accepts as far as a schema can (keys, types, enums, duration and reference syntax); the
 * loader alone checks references against the stack, files, fixtures and the order of timed faults.
 */
public final class ScenarioSchema {
    public static final String RESOURCE = "io/selfheal/harness/scenario.schema.json";

    private ScenarioSchema() {
    }

    public static String text() {
        try (InputStream in = ScenarioSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the harness jar lacks " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
