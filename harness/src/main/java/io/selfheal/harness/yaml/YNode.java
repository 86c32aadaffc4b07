package io.selfheal.harness.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** A YAML node that knows where it is: file, line, column and key path. Mistakes go to the shared {@link Problems}. */
public final class YNode {
    private final Node node;
    private final String file;
    private final String path;
    private final Problems problems;

    YNode(Node node, String file, String path, Problems problems) {
        this.node = node;
        this.file = file;
        this.path = path;
        this.problems = problems;
    }

    /** Parses a document; a syntax error becomes a problem and the result is an empty mapping. */
    public static YNode parse(String file, String text, Problems problems) {
        try {
            Optional<Node> root = new Compose(LoadSettings.builder().setLabel(file).build()).composeString(text);
            if (root.isPresent()) {
                return new YNode(root.get(), file, "", problems);
            }
            problems.add(new Problem(file, 1, 1, "", "the file is empty"));
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            problems.add(new Problem(file, mark == null ? 1 : mark.getLine() + 1,
                    mark == null ? 1 : mark.getColumn() + 1, "", "YAML syntax: " + e.getProblem()));
        } catch (YamlEngineException e) {
            problems.add(new Problem(file, 1, 1, "", "YAML syntax: " + e.getMessage()));
        }
        return new YNode(new MappingNode(Tag.MAP, List.of(), org.snakeyaml.engine.v2.common.FlowStyle.AUTO),
                file, "", problems);
    }

    public String file() {
        return file;
    }

    public String path() {
        return path;
    }

    public int line() {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
    }

    public int column() {
        return node.getStartMark().map(m -> m.getColumn() + 1).orElse(1);
    }

    /** {@code file:line:column}, for messages that point back into the file. */
    public String position() {
        return file + ":" + line() + ":" + column();
    }

    public Problems problems() {
        return problems;
    }

    public void problem(String message) {
        problems.add(new Problem(file, line(), column(), path, message));
    }

    Node raw() {
        return node;
    }

    YNode child(Node child, String childPath) {
        return new YNode(child, file, childPath, problems);
    }

    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    public boolean isSequence() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode && !isNull();
    }

    public boolean isNull() {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /** The scalar's text; a problem (and null) if this is a mapping or sequence. */
    public String text() {
        if (node instanceof ScalarNode scalar && !isNull()) {
            return scalar.getValue();
        }
        problem("expected a single value, found " + kind());
        return null;
    }

    public YMap map() {
        if (!isMapping()) {
            if (!isNull()) {
                problem("expected a mapping of keys to values, found " + kind());
            }
            return YMap.empty(this);
        }
        return new YMap(this, (MappingNode) node);
    }

    public List<YNode> list() {
        List<YNode> items = new ArrayList<>();
        if (node instanceof SequenceNode seq) {
            List<Node> value = seq.getValue();
            for (int i = 0; i < value.size(); i++) {
                items.add(child(value.get(i), path + "[" + i + "]"));
            }
        } else if (!isNull()) {
            problem("expected a list, found " + kind());
        }
        return items;
    }

    /** The node as JSON (for inline event patterns and payloads), scalars typed as YAML's JSON schema reads them. */
    public JsonNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof MappingNode) {
            ObjectNode object = f.objectNode();
            map().entries().forEach((k, v) -> object.set(k, v.toJson()));
            return object;
        }
        if (node instanceof SequenceNode) {
            ArrayNode array = f.arrayNode();
            list().forEach(item -> array.add(item.toJson()));
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        String v = scalar.getValue();
        Tag tag = scalar.getTag();
        try {
            if (tag.equals(Tag.NULL)) {
                return f.nullNode();
            }
            if (tag.equals(Tag.BOOL)) {
                return f.booleanNode(Boolean.parseBoolean(v));
            }
            if (tag.equals(Tag.INT)) {
                return f.numberNode(Long.parseLong(v));
            }
            if (tag.equals(Tag.FLOAT)) {
                return f.numberNode(Double.parseDouble(v));
            }
        } catch (NumberFormatException e) {
            return f.textNode(v);
        }
        return f.textNode(v);
    }

    String kind() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return isNull() ? "nothing" : "'" + ((ScalarNode) node).getValue() + "'";
    }
}
