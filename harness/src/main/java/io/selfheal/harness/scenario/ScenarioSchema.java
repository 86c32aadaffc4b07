package io.selfheal.harness.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.harness.expect.ExpectationType;
import io.selfheal.harness.expect.NeverExpectation;
import io.selfheal.harness.stack.StackKind;
import io.selfheal.harness.stack.StackKinds;
import io.selfheal.harness.steps.FaultType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The JSON Schema of scenario files, put together from the registered kinds, faults and expectations (each gives
 * its own part: {@link StackKind#schema()}, {@link FaultType#schema()}, {@link ExpectationType#schema()}) and the
 * resource {@value #BASE} (the top-level keys and the shared definitions). It mirrors what {@link ScenarioLoader}
 * accepts as far as a schema can (keys, types, enums, duration and reference syntax); the loader alone checks
 * references against the stack, files, fixtures and the order of timed faults.
 */
public final class ScenarioSchema {
    public static final String BASE = "io/selfheal/harness/scenario.base.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = generate();

    private ScenarioSchema() {
    }

    /** The schema, pretty-printed with a final newline (as {@code selfheal schema} prints it). */
    public static String text() {
        return TEXT;
    }

    private static String generate() {
        ObjectNode schema = (ObjectNode) parse(base(), BASE);
        ObjectNode defs = (ObjectNode) schema.get("$defs");
        stack(defs);
        ArrayNode faults = ((ObjectNode) defs.get("fault")).putArray("oneOf");
        for (FaultType type : FaultType.all()) {
            String def = type.key() + "Fault";
            defs.set(def, parse(type.schema(), def));
            ObjectNode branch = faults.addObject();
            branch.putArray("required").add(type.key());
            branch.put("additionalProperties", false);
            ObjectNode properties = branch.putObject("properties");
            properties.putObject("at").put("$ref", "#/$defs/at");
            properties.putObject(type.key()).put("$ref", "#/$defs/" + def);
        }
        ArrayNode plain = ((ObjectNode) defs.get("plainExpectation")).putArray("oneOf");
        ArrayNode any = ((ObjectNode) defs.get("expectation")).putArray("oneOf");
        any.addObject().put("$ref", "#/$defs/plainExpectation");
        for (ExpectationType type : ExpectationType.all()) {
            String def = type.key() + "Expectation";
            defs.set(def, parse(type.schema(), def));
            // never wraps any other expectation: it is a branch of "expectation", not one of the plain ones
            ObjectNode branch = type.key().equals(NeverExpectation.KEY) ? any.addObject().put("type", "object")
                    : plain.addObject();
            branch.putArray("required").add(type.key());
            branch.put("additionalProperties", false);
            branch.putObject("properties").putObject(type.key()).put("$ref", "#/$defs/" + def);
        }
        try {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"));
            return JSON.writer(printer).writeValueAsString(schema) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One property per kind, its entries' schema, and the reference syntax of {@code text} from the attributes. */
    private static void stack(ObjectNode defs) {
        ObjectNode stack = (ObjectNode) defs.get("stack");
        List<String> order = StackKinds.all().stream().map(StackKind::key).toList();
        stack.put("description", "The resources provisioned through the AWS APIs before the faults, each under a key "
                + "that references and steps use. Order of creation (each kind after those it depends on): "
                + String.join(", ", order) + "; within a kind, file order.");
        ObjectNode properties = stack.putObject("properties");
        List<String> references = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        for (StackKind<?> kind : StackKinds.all()) {
            JsonNode part = parse(kind.schema(), kind.key());
            String entry = kind.key() + "Entry";
            ObjectNode property = properties.putObject(kind.key());
            property.set("description", part.get("description"));
            property.put("type", "object");
            property.putObject("additionalProperties").put("$ref", "#/$defs/" + entry);
            defs.set(entry, part.get("entry"));
            part.path("defs").fields().forEachRemaining(d -> defs.set(d.getKey(), d.getValue()));
            references.add("${" + kind.key() + ".<key>." + String.join("|", kind.attributes()) + "}");
            patterns.add(kind.key() + "\\.[^.}]+\\.(" + String.join("|", kind.attributes()) + ")");
        }
        ObjectNode text = (ObjectNode) defs.get("text");
        text.put("description", "Text that may contain references to the stack, resolved when the stack exists: "
                + String.join(", ", references) + ".");
        text.put("pattern", "^([^$]|\\$(?!\\{)|\\$\\{(" + String.join("|", patterns) + ")\\})*$");
    }

    private static String base() {
        try (InputStream in = ScenarioSchema.class.getClassLoader().getResourceAsStream(BASE)) {
            if (in == null) {
                throw new IllegalStateException("the harness jar lacks " + BASE);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String json, String what) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the schema of " + what + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
