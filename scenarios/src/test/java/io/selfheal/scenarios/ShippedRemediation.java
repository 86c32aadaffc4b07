package io.selfheal.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.harness.stack.FunctionKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A remediation the project ships with its least-privilege policy (CONTRIBUTING's "Adding a remediation"): a Java
 * handler in the remediations jar with {@code policies/<Class>.json}, or a Python module with
 * {@code <module>.policy.json} beside it.
 *
 * @param name   the handler class or module name
 * @param policy the policy file that ships with it
 * @param code   the deployment package a scenario runs it from (the jar, or the module's source file)
 */
record ShippedRemediation(String name, Path policy, Path code) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REMEDIATIONS = Path.of("../remediations").toAbsolutePath().normalize();
    private static final Path JAR = REMEDIATIONS.resolve("target/remediations-lambda.jar");

    /** Every remediation with a shipped policy, Java ones first. */
    static List<ShippedRemediation> all() {
        List<ShippedRemediation> out = new ArrayList<>();
        for (Path p : list(REMEDIATIONS.resolve("src/main/resources/policies"), ".json")) {
            out.add(new ShippedRemediation(stem(p, ".json"), p, JAR));
        }
        for (Path p : list(REMEDIATIONS.resolve("src/main/python"), ".policy.json")) {
            String module = stem(p, ".policy.json");
            out.add(new ShippedRemediation(module, p, p.resolveSibling(module + ".py")));
        }
        return out;
    }

    /** Whether the function runs this remediation's own code and handler. */
    boolean runsIn(FunctionKind.Function f) {
        if (f.code() == null || !f.code().toAbsolutePath().normalize().equals(code)) {
            return false;
        }
        String handler = f.handler();
        if (f.runtime().startsWith("java")) {
            String type = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
            return type.substring(type.lastIndexOf('.') + 1).equals(name);
        }
        return handler.startsWith(name + ".");
    }

    /** The shipped policy document. */
    JsonNode document() {
        try {
            return JSON.readTree(policy.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Its statements, in document order. */
    List<JsonNode> statements() {
        List<JsonNode> out = new ArrayList<>();
        document().path("Statement").forEach(out::add);
        return out;
    }

    /** The shipped policy with statement {@code index} left out, as JSON text. */
    String without(int index) {
        ObjectNode doc = (ObjectNode) document();
        ((ArrayNode) doc.get("Statement")).remove(index);
        return doc.toString();
    }

    /** A statement's actions: {@code Action} as a list whether the policy gives one or several. */
    static List<String> actions(JsonNode statement) {
        JsonNode a = statement.path("Action");
        List<String> out = new ArrayList<>();
        if (a.isArray()) {
            a.forEach(x -> out.add(x.asText()));
        } else {
            out.add(a.asText());
        }
        return out;
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stem(Path p, String suffix) {
        String n = p.getFileName().toString();
        return n.substring(0, n.length() - suffix.length());
    }

    @Override
    public String toString() {
        return name;
    }
}
