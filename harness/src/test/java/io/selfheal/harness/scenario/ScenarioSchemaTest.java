package io.selfheal.harness.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.selfheal.harness.expect.ExpectationType;
import io.selfheal.harness.stack.StackKinds;
import io.selfheal.harness.steps.FaultType;
import io.selfheal.harness.yaml.InvalidFileException;
import io.selfheal.harness.yaml.Problems;
import io.selfheal.harness.yaml.YNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the published JSON Schema ({@link ScenarioSchema}) true to the loader: every file the loader accepts
 * validates, every broken file whose mistake is a key or a type is rejected, and its fault and expectation keys are
 * exactly the registered ones. The copy in docs/ is regenerated with {@code mvn -pl harness -am test
 * -Dtest=ScenarioSchemaTest -Dsurefire.failIfNoSpecifiedTests=false -Dselfheal.writeSchema=true}.
 */
class ScenarioSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DOC_COPY = Path.of("../docs/scenario.schema.json");
    private static final Path BROKEN = Path.of("src/test/resources/scenarios/broken");
    /** Broken files whose mistakes only the loader can see: YAML syntax, references to the stack. */
    private static final Set<String> LOADER_ONLY = Set.of("bad-yaml.yaml", "dangling-references.yaml");

    static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(ScenarioSchema.text());

    /** Scenario files in the repository the loader accepts (it resolves code and pattern paths, so all are real). */
    static Stream<Path> loadableFiles() {
        List<Path> out = new ArrayList<>();
        for (Path root : List.of(Path.of("src/test/resources"), Path.of("../scenarios"))) {
            for (Path file : ScenarioFiles.find(root)) {
                try {
                    new ScenarioLoader().load(file);
                    out.add(file);
                } catch (InvalidFileException e) {
                    // broken on purpose: see brokenFiles
                }
            }
        }
        return out.stream();
    }

    static Stream<Path> brokenFiles() throws IOException {
        try (Stream<Path> files = Files.list(BROKEN)) {
            return files.filter(ScenarioFiles::isScenarioFile)
                    .filter(f -> !LOADER_ONLY.contains(f.getFileName().toString())).sorted().toList().stream();
        }
    }

    static List<Error> validate(Path file) throws IOException {
        Problems problems = new Problems();
        YNode root = YNode.parse(file.toString(), Files.readString(file), problems);
        assertThat(problems.list()).as("YAML syntax of " + file).isEmpty();
        return SCHEMA.validate(root.toJson());
    }

    @Test
    void theRepositoryHasLoadableAndBrokenFiles() throws IOException {
        assertThat(loadableFiles()).hasSizeGreaterThan(10)
                .anyMatch(f -> f.startsWith(Path.of("../scenarios")));
        assertThat(brokenFiles()).hasSizeGreaterThanOrEqualTo(8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loadableFiles")
    void everyFileTheLoaderAcceptsValidates(Path file) throws IOException {
        assertThat(validate(file)).as(file.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void everyKeyOrTypeMistakeIsRejected(Path file) throws IOException {
        assertThat(validate(file)).as(file + " has key or type mistakes the schema must see").isNotEmpty();
    }

    @Test
    void aMisspeltKeyIsRejectedWhereItIs() throws IOException {
        List<Error> errors = validate(BROKEN.resolve("unknown-keys.yaml"));
        assertThat(errors).extracting(e -> e.getInstanceLocation().toString() + " " + e.getMessage())
                .anyMatch(m -> m.contains("idempotence"))
                .anyMatch(m -> m.contains("imageID"));
    }

    /** Each mistake alone, after a base the schema accepts: durations, references, enums, one key per step. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "expect: {within: 30 seconds}",
        "expect: {within: PT0S}",
        "faults: [{at: -PT1M, rebootInstance: {instance: web}}]",
        "faults: [{rebootInstance: {instance: web}, stopInstance: {instance: web}}]",
        "faults: [{at: PT1M}]",
        "stack: {instances: {db: {imageId: ami-1, tags: {Owner: \"${instance.web.id}\"}}}}",
        "stack: {instances: {db: {imageId: ami-1, tags: {Owner: \"${instances.web.ip}\"}}}}",
        "stack: {securityGroups: {g: {ingress: [{port: 22, cidr: 0.0.0.0}]}}}",
        "stack: {securityGroups: {g: {ingress: [{port: 22, cidr: 0.0.0.0/0, group: g}]}}}",
        "stack: {rules: {r: {pattern: {}, targets: [{function: f, queue: q}]}}}",
        "stack: {rules: {r: {pattern: {}, targets: [{queue: q, permission: false}]}}}",
        "expect: {outcomes: [{apiCalls: {service: ec2, operation: X, count: 1, atLeast: 1}}]}",
        "expect: {outcomes: [{apiCalls: {service: ec2, operation: X}}]}",
        "expect: {outcomes: [{never: {never: {alarm: {alarm: a, state: OK}}}}]}",
        "expect: {outcomes: [{alarm: {alarm: a, state: ALARMED}}]}",
        "expect: {outcomes: [{instance: {ref: web, snapshots: {state: completed}}}]}",
        "expect: {outcomes: [{instance: {ref: web, securityGroups: []}}]}",
        "stack: {alarms: {a: {name: a, namespace: n, metric: m, threshold: 1, comparison: LessThanThreshold, period: 45}}}",
        "idempotency: {redeliver: 3, mode: [concurrent, concurrent]}",
        "idempotency: {redeliver: 0}",
        "clock: virtaul",
        "scenario2: x"
    })
    void eachMistakeAloneIsRejected(String mistake) {
        assertThat(SCHEMA.validate(yaml(BASE))).as("the base is valid").isEmpty();
        assertThat(SCHEMA.validate(yaml(BASE + mistake + "\n"))).isNotEmpty();
    }

    private static final String BASE = """
            scenario: base
            description: "uses ${instances.web.id} and $.detail and a lone $"
            """;

    private static JsonNode yaml(String text) {
        Problems problems = new Problems();
        YNode root = YNode.parse("inline.yaml", text, problems);
        assertThat(problems.list()).isEmpty();
        return root.toJson();
    }

    @Test
    void theFaultKeysAreTheRegisteredFaultTypes() throws IOException {
        assertThat(keys(schema().at("/$defs/fault/oneOf"), Set.of("at")))
                .isEqualTo(new TreeSet<>(FaultType.all().stream().map(FaultType::key).toList()));
    }

    @Test
    void theExpectationKeysAreTheRegisteredExpectationTypes() throws IOException {
        JsonNode schema = schema();
        Set<String> keys = keys(schema.at("/$defs/plainExpectation/oneOf"), Set.of());
        keys.addAll(keys(schema.at("/$defs/expectation/oneOf"), Set.of()));
        assertThat(keys).isEqualTo(new TreeSet<>(ExpectationType.all().stream().map(ExpectationType::key).toList()));
    }

    @Test
    void theStackKindsAndReferencesAreTheLoaders() throws IOException {
        JsonNode schema = schema();
        Set<String> kinds = new TreeSet<>();
        schema.at("/$defs/stack/properties").fieldNames().forEachRemaining(kinds::add);
        assertThat(kinds).isEqualTo(StackKinds.keys());
        Schema text = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(schema.at("/$defs/text"));
        StackKinds.all().forEach(stackKind -> {
            String kind = stackKind.key();
            for (String attribute : stackKind.attributes()) {
                assertThat(text.validate(JSON.getNodeFactory().textNode("x-${" + kind + ".k." + attribute + "}")))
                        .as("${%s.k.%s}", kind, attribute).isEmpty();
            }
            assertThat(text.validate(JSON.getNodeFactory().textNode("${" + kind + ".k.nope}")))
                    .as("${%s.k.nope}", kind).isNotEmpty();
        });
    }

    @Test
    void everyPropertyHasADescription() throws IOException {
        List<String> missing = new ArrayList<>();
        describedProperties(schema(), "", missing);
        assertThat(missing).as("properties without a description (editors show it)").isEmpty();
    }

    @Test
    void theDocsCopyIsTheResource() throws IOException {
        if (Boolean.getBoolean("selfheal.writeSchema")) {
            Files.writeString(DOC_COPY, ScenarioSchema.text());
        }
        assertThat(DOC_COPY).as("docs/scenario.schema.json is out of date: regenerate it (see this test's comment)")
                .hasContent(ScenarioSchema.text());
    }

    private static JsonNode schema() throws IOException {
        return JSON.readTree(ScenarioSchema.text());
    }

    /** The one key (besides {@code extra}) each {@code oneOf} branch that names a step requires. */
    private static Set<String> keys(JsonNode oneOf, Set<String> extra) {
        assertThat(oneOf.isArray()).isTrue();
        Set<String> keys = new TreeSet<>();
        for (JsonNode branch : oneOf) {
            if (branch.has("properties")) {
                branch.get("properties").fieldNames().forEachRemaining(k -> {
                    if (!extra.contains(k)) {
                        keys.add(k);
                    }
                });
            }
        }
        return keys;
    }

    /** Properties whose schema has no description of its own nor a $ref to a described definition. */
    private static void describedProperties(JsonNode node, String path, List<String> missing) throws IOException {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                var fields = properties.fields();
                while (fields.hasNext()) {
                    var field = fields.next();
                    JsonNode property = field.getValue();
                    boolean described = property.has("description") || property.has("$ref")
                            && schema().at(property.get("$ref").asText().substring(1)).has("description");
                    if (!described) {
                        missing.add(path + "/" + field.getKey());
                    }
                }
            }
            var children = node.fields();
            while (children.hasNext()) {
                var child = children.next();
                describedProperties(child.getValue(), path + "/" + child.getKey(), missing);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                describedProperties(node.get(i), path + "/" + i, missing);
            }
        }
    }
}
