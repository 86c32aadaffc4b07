package io.selfheal.harness.patterns;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One part of a pattern and whether the event satisfies it on its own (according to Event Ruler). */
public sealed interface Check {
    boolean matches();

    /**
     * A leaf: a field and the list of values or operators it allows.
     *
     * @param path    dotted path from the event's root, e.g. {@code detail.state.value}
     * @param allowed the pattern's list for the field, as written
     * @param found   the event's values there (elements of arrays flattened); empty when the field is absent
     */
    record Field(String path, JsonNode allowed, List<JsonNode> found, boolean matches) implements Check {
        public Field {
            found = List.copyOf(found);
        }

        /** What the event has there, as JSON: one value, a list of them, or "no such field". */
        public String foundText() {
            if (found.isEmpty()) {
                return "no such field";
            }
            return found.size() == 1 ? found.get(0).toString() : found.toString();
        }
    }

    /**
     * A {@code $or}: matches when one of its alternatives does.
     *
     * @param path where the {@code $or} sits (empty at the root)
     */
    record AnyOf(String path, List<Alternative> alternatives) implements Check {
        public AnyOf {
            alternatives = List.copyOf(alternatives);
        }

        @Override
        public boolean matches() {
            return alternatives.stream().anyMatch(Alternative::matches);
        }
    }
}
