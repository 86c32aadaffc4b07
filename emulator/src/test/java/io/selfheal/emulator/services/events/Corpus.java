package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The documented examples of the fixtures module ({@code corpus/patterns.json}, {@code corpus/transformers.json},
 * see fixtures/README.md), as JUnit arguments: the case's name and the case.
 */
final class Corpus {
    private Corpus() {
    }

    static Stream<Arguments> cases(String resource) {
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("no /corpus/" + resource + " on the class path: is selfheal-fixtures "
                        + "a test dependency, built in the same reactor (mvn -pl fixtures,emulator …)?");
            }
            List<Arguments> out = new ArrayList<>();
            for (JsonNode c : Json.MAPPER.readTree(in).path("cases")) {
                out.add(Arguments.of(c.path("name").asText(), c));
            }
            return out.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
