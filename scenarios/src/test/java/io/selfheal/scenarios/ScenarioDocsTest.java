package io.selfheal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfheal.harness.scenario.ScenarioFiles;
import io.selfheal.harness.scenario.ScenarioLoader;
import io.selfheal.harness.scenario.ScenarioSchema;
import io.selfheal.harness.yaml.InvalidFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps docs/scenarios.md true. Every {@code ```yaml} block is preceded by {@code <!-- example: scenarios/….yaml -->}
 * and is a verbatim excerpt (contiguous lines) of that file, which the loader accepts and {@link ScenariosTest} runs —
 * so every example in the reference is tested. Every key and every enum value of the JSON Schema is documented.
 */
class ScenarioDocsTest {
    private static final Path ROOT = Path.of("..");
    private static final Path DOC = ROOT.resolve("docs/scenarios.md");
    private static final Pattern SOURCE = Pattern.compile("<!-- example: (\\S+) -->");

    /** A {@code ```yaml} block: its first line in the doc (1-based), its source comment (null when none), its lines. */
    record Example(int line, String source, List<String> lines) {
        @Override
        public String toString() {
            return "docs/scenarios.md:" + line + " (" + source + ")";
        }
    }

    static List<Example> examples() throws IOException {
        List<String> doc = Files.readAllLines(DOC);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < doc.size(); i++) {
            if (!doc.get(i).strip().equals("```yaml")) {
                continue;
            }
            int previous = i - 1;
            while (previous >= 0 && doc.get(previous).isBlank()) {
                previous--;
            }
            Matcher m = previous < 0 ? null : SOURCE.matcher(doc.get(previous).strip());
            String source = m != null && m.matches() ? m.group(1) : null;
            int end = i + 1;
            while (end < doc.size() && !doc.get(end).strip().equals("```")) {
                end++;
            }
            out.add(new Example(i + 1, source, doc.subList(i + 1, end)));
            i = end;
        }
        return out;
    }

    static Stream<Example> examplesOfTheDoc() throws IOException {
        return examples().stream();
    }

    @Test
    void theDocHasExamplesAndNoSourceCommentWithoutOne() throws IOException {
        List<Example> examples = examples();
        assertThat(examples).hasSizeGreaterThan(20);
        long comments = Files.readAllLines(DOC).stream().filter(l -> SOURCE.matcher(l.strip()).matches()).count();
        assertThat(comments).as("every example comment precedes a ```yaml block").isEqualTo(examples.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examplesOfTheDoc")
    void everyExampleIsAnExcerptOfAScenarioThatRuns(Example example) throws IOException {
        assertThat(example.source()).as(example + ": a ```yaml block needs <!-- example: scenarios/….yaml --> "
                + "on the line before it").isNotNull();
        Path file = ROOT.resolve(example.source()).normalize();
        assertThat(example.source()).as(example + ": examples come from the scenario files the scenarios module runs")
                .startsWith("scenarios/");
        assertThat(file).as(example.toString()).isRegularFile();
        assertThat(ScenarioFiles.find(Path.of(".")).stream().map(p -> p.toAbsolutePath().normalize()))
                .as(example + ": ScenariosTest must run the source").contains(file.toAbsolutePath().normalize());
        try {
            new ScenarioLoader().load(file);
        } catch (InvalidFileException e) {
            throw new AssertionError(example + ": the source does not load:\n" + e.getMessage(), e);
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(example.lines()).as(example + " is empty").isNotEmpty();
        assertThat(Collections.indexOfSubList(lines, example.lines()))
                .as(example + " is not a verbatim excerpt (contiguous lines) of " + example.source()
                        + ":\n" + String.join("\n", example.lines()))
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void everyKeyAndEnumValueOfTheSchemaIsDocumented() throws IOException {
        String doc = Files.readString(DOC);
        Set<String> keys = new TreeSet<>();
        Set<String> values = new TreeSet<>();
        collect(new ObjectMapper().readTree(ScenarioSchema.text()), keys, values);
        assertThat(keys).contains("scenario", "stack", "faults", "expect", "idempotency");
        assertThat(keys.stream().filter(k -> !doc.contains("`" + k + "`")).toList())
                .as("schema keys missing from docs/scenarios.md (as `key`)").isEmpty();
        assertThat(values.stream().filter(v -> !doc.contains("`" + v + "`")).toList())
                .as("schema enum values missing from docs/scenarios.md (as `value`)").isEmpty();
    }

    /** Property names (under any {@code properties}) and string enum values, anywhere in the schema. */
    private static void collect(JsonNode node, Set<String> keys, Set<String> values) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                properties.fieldNames().forEachRemaining(keys::add);
            }
            JsonNode enumeration = node.get("enum");
            if (enumeration != null && enumeration.isArray()) {
                enumeration.forEach(v -> {
                    if (v.isTextual()) {
                        values.add(v.asText());
                    }
                });
            }
        }
        node.forEach(child -> collect(child, keys, values));
    }
}
