package io.selfheal.harness.scenario;

import io.selfheal.harness.expect.Expectation;
import io.selfheal.harness.expect.ExpectationType;
import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.stack.References;
import io.selfheal.harness.stack.Stack;
import io.selfheal.harness.stack.StackReading;
import io.selfheal.harness.steps.Fault;
import io.selfheal.harness.steps.FaultType;
import io.selfheal.harness.yaml.InvalidFileException;
import io.selfheal.harness.yaml.Problem;
import io.selfheal.harness.yaml.Problems;
import io.selfheal.harness.yaml.Suggestions;
import io.selfheal.harness.yaml.KeyedItems;
import io.selfheal.harness.yaml.YMap;
import io.selfheal.harness.yaml.YNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Reads scenario files. Every mistake in a file — syntax, unknown or misspelt keys, wrong types, dangling
 * references, impossible values — is collected and thrown together as an {@link InvalidFileException} whose lines
 * read {@code file:line:column: key.path: message}.
 */
public final class ScenarioLoader {
    private final Map<String, FaultType> faultTypes = new LinkedHashMap<>();
    private final Map<String, ExpectationType> expectationTypes = new LinkedHashMap<>();

    public ScenarioLoader() {
        FaultType.all().forEach(t -> faultTypes.put(t.key(), t));
        ExpectationType.all().forEach(t -> expectationTypes.put(t.key(), t));
    }

    public Scenario load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidFileException(List.of(new Problem(file.toString(), 1, 1, "",
                    "cannot read the file: " + e.getMessage())));
        }
        return load(file, text);
    }

    public Scenario load(Path file, String text) {
        Problems problems = new Problems();
        YNode root = YNode.parse(file.toString(), text, problems);
        problems.throwIfAny();
        YMap m = root.map().allow("scenario", "description", "tags", "clock", "stack", "steadyState", "faults",
                "expect", "idempotency", "recovery", "seed");
        String name = m.requiredString("scenario");
        ScenarioRules.checkName(name, m.problems());
        Path dir = file.toAbsolutePath().getParent();
        Stack stack = StackReading.read(m.get("stack"), dir);
        References.check(root, stack);
        ReadContext context = new ReadContext(stack);
        List<Expectation> steadyState = KeyedItems.list(m.get("steadyState"), expectationTypes, "probe",
                (type, spec) -> type.read(spec, context));
        String clock = m.choice("clock", "virtual", "real");
        List<Fault> faults = FaultList.read(m.get("faults"), faultTypes, context);
        YMap expect = m.get("expect") == null ? null : m.get("expect").map().allow("within", "outcomes");
        Duration within = expect == null ? null : expect.duration("within");
        if (within != null) {
            ScenarioRules.deadline(within, expect.problems());
        }
        List<Expectation> outcomes = expect == null ? List.of()
                : KeyedItems.list(expect.get("outcomes"), expectationTypes, "outcome", (type, spec) -> type.read(spec, context));
        Scenario.Idempotency idempotency = idempotency(m.get("idempotency"), "real".equals(clock));
        Scenario.Recovery recovery = recovery(m.get("recovery"));
        problems.throwIfAny();
        return new Scenario(name, m.string("description"), m.strings("tags"), file, stack, faults,
                within == null ? Scenario.DEFAULT_WITHIN : within, outcomes, idempotency, steadyState,
                !"real".equals(clock), recovery, m.string("seed"));
    }

    /**
     * {@code idempotency: {redeliver: 3, mode: concurrent, lateBy: PT1H}}, {@code mode} one of the
     * {@link Scenario.RedeliveryMode}s or a list of them (default {@code sequential}).
     */
    private static Scenario.Idempotency idempotency(YNode node, boolean realClock) {
        if (node == null) {
            return null;
        }
        YMap m = node.map().allow("redeliver", "mode", "lateBy");
        Integer redeliver = m.integer("redeliver");
        if (redeliver == null && !m.has("redeliver")) {
            m.require("redeliver");
        }
        return ScenarioRules.idempotency(redeliver, modes(m.get("mode")), m.duration("lateBy"), realClock,
                m.problems());
    }

    private static List<Scenario.RedeliveryMode> modes(YNode node) {
        if (node == null) {
            return List.of(Scenario.RedeliveryMode.SEQUENTIAL);
        }
        List<Scenario.RedeliveryMode> modes = new ArrayList<>();
        for (YNode item : node.isSequence() ? node.list() : List.of(node)) {
            String text = item.text();
            Scenario.RedeliveryMode mode = text == null ? null : Arrays.stream(Scenario.RedeliveryMode.values())
                    .filter(v -> v.key().equals(text)).findFirst().orElse(null);
            List<String> keys = ScenarioRules.modeKeys();
            if (text != null && mode == null) {
                item.problem(Suggestions.notOneOf(text, keys));
            } else if (mode != null && modes.contains(mode)) {
                item.problem(ScenarioRules.listedTwice(mode));
            } else if (mode != null) {
                modes.add(mode);
            }
        }
        if (node.isSequence() && node.list().isEmpty()) {
            node.problem(ScenarioRules.noModes());
        }
        return modes;
    }

    /** {@code recovery: {within: PT15M}}: the MTTR bound. */
    private static Scenario.Recovery recovery(YNode node) {
        if (node == null) {
            return null;
        }
        YMap m = node.map().allow("within");
        Duration within = m.duration("within");
        if (within == null) {
            if (!m.has("within")) {
                m.require("within");
            }
            return null;
        }
        within = ScenarioRules.recoveryBound(within, m.problems());
        return within == null ? null : new Scenario.Recovery(within);
    }
}
