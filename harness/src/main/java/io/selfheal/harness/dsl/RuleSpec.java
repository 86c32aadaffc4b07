package io.selfheal.harness.dsl;

import io.selfheal.harness.stack.RuleKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An EventBridge rule on the default bus ({@code stack.rules.<key>}): an event pattern (a file, {@code classpath:…}
 * or inline JSON) and targets from {@link Targets}. Named by its key unless named.
 */
public final class RuleSpec extends Spec<RuleSpec> {
    private String name;
    private String pattern;
    private Path patternFile;
    private boolean enabled = true;
    private List<TargetSpec> targets = List.of();

    RuleSpec() {
    }

    public RuleSpec name(String name) {
        return with(s -> s.name = name);
    }

    /** The pattern as JSON text, or a {@code classpath:…} or relative {@code .json} file reference. */
    public RuleSpec pattern(String jsonOrReference) {
        return with(s -> {
            s.pattern = jsonOrReference;
            s.patternFile = null;
        });
    }

    /** The pattern in a JSON file, relative to the {@link ScenarioBuilder#baseDir base directory}. */
    public RuleSpec pattern(Path file) {
        return with(s -> {
            s.patternFile = file;
            s.pattern = null;
        });
    }

    /** Created in state DISABLED: its events are matched by no rule. */
    public RuleSpec disabled() {
        return with(s -> s.enabled = false);
    }

    public RuleSpec target(TargetSpec target) {
        return with(s -> {
            List<TargetSpec> next = new ArrayList<>(s.targets);
            next.add(target);
            s.targets = List.copyOf(next);
        });
    }

    RuleKind.Rule build(String key, Checks checks) {
        Checks at = checks.at("pattern");
        JsonNode json = patternFile != null ? JsonText.read(patternFile, at)
                : pattern != null ? JsonText.read(pattern, at) : checks.required("pattern", null);
        at.references(json == null ? null : json.toString());
        if (targets.isEmpty()) {
            checks.at("targets").problem("a rule needs at least one target");
        }
        List<RuleKind.Target> built = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            built.add(targets.get(i).build(i, checks.at("targets").item(i)));
        }
        return new RuleKind.Rule(key, name == null ? key : name, json == null ? null : json.toString(), enabled, built);
    }
}
