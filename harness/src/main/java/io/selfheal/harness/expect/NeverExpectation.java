package io.selfheal.harness.expect;

import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.KeyedItems;
import io.selfheal.harness.yaml.YMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Something that must not happen: {@code never: {apiCalls: {service: ec2, operation: RebootInstances, atLeast: 1}}}
 * holds only if the inner expectation held at no check until the outcome deadline. Other outcomes hold
 * "eventually", at the first check where they do; a {@code never} outcome is {@link #untilDeadline() watched to the
 * end}: the engine keeps checking it after every clock step (on a virtual clock, after every timer that fires — a
 * metric datapoint, an alarm evaluation — which is cheap, since nothing can change between timers), and the first
 * check at which the inner expectation held fails the scenario with what was observed then.
 */
public record NeverExpectation(Expectation inner) implements Expectation {

    @Override
    public String describe() {
        return "never: " + inner.describe();
    }

    @Override
    public java.util.Set<io.selfheal.harness.backend.Capability> needs() {
        return inner.needs();
    }

    @Override
    public Verdict check(ProbeContext run) {
        Verdict v = inner.check(run);
        return Verdict.of(!v.holds(), v.holds() ? "it happened: " + v.observed() : v.observed());
    }

    @Override
    public boolean untilDeadline() {
        return true;
    }

    /** Registered as {@code never}. */
    /** The YAML key. */
    public static final String KEY = "never";

    public static final class Type implements ExpectationType {
        @Override
        public String key() {
            return KEY;
        }

        @Override
        public Expectation read(YMap spec, ReadContext context) {
            Map<String, ExpectationType> types = new LinkedHashMap<>();
            ExpectationType.all().stream().filter(t -> !t.key().equals(key())).forEach(t -> types.put(t.key(), t));
            Expectation inner = KeyedItems.item(spec, types, "expectation inside never",
                    (type, s) -> type.read(s, context), Set.of());
            return inner == null ? null : new NeverExpectation(inner);
        }

        @Override
        public String schema() {
            return """
                {"description": "Must not happen: holds only if the inner expectation held at no check until the outcome deadline.", "$ref": "#/$defs/plainExpectation"}
                """;
        }
    }
}
