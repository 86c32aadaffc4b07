package io.selfheal.harness.dsl;

import io.selfheal.harness.expect.Expectation;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.ScenarioRules;
import io.selfheal.harness.stack.Stack;
import io.selfheal.harness.steps.Fault;
import io.selfheal.harness.steps.TimedFault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A scenario in Java, section by section as in a file; made by {@link Scenarios#scenario}. Immutable: every call
 * returns a new builder, so a base scenario can be shared and varied. {@link #build()} checks what the loader
 * checks and builds the same model ({@link Scenario#file()} is null: there is no file).
 */
public final class ScenarioBuilder extends Spec<ScenarioBuilder> {

    private final String name;
    private String description;
    private String seed;
    private List<String> tags = List.of();
    private Path baseDir = Path.of("");
    private boolean realClock;
    private StackBuilder stack = new StackBuilder();
    private List<OutcomeSpec> steadyState = List.of();
    private List<FaultSpec> faults = List.of();
    private Duration within;
    private List<OutcomeSpec> outcomes = List.of();
    private Redelivery idempotency;
    private Duration recovery;

    ScenarioBuilder(String name) {
        this.name = name;
    }

    /** What it proves, in a sentence or two. */
    public ScenarioBuilder description(String description) {
        return with(s -> s.description = description);
    }

    /** The file's {@code seed:}: what the run's ids derive from (default: the scenario's name). */
    public ScenarioBuilder seed(String seed) {
        return with(s -> s.seed = seed);
    }

    public ScenarioBuilder tags(String... tags) {
        return with(s -> s.tags = List.of(tags));
    }

    /**
     * Where relative paths (function code, pattern and transformer files) are resolved, as a file's are against its
     * directory; default the working directory (the module's, under Maven).
     */
    public ScenarioBuilder baseDir(Path baseDir) {
        return with(s -> s.baseDir = baseDir);
    }

    /** {@code clock: real}: run in real time instead of on a virtual clock. */
    public ScenarioBuilder realClock() {
        return with(s -> s.realClock = true);
    }

    /** The resources, added to those given before: {@code stack(s -> s.instance("web", i -> …))}. */
    public ScenarioBuilder stack(UnaryOperator<StackBuilder> resources) {
        return with(s -> s.stack = resources.apply(s.stack));
    }

    /** Probes that must hold before the faults and again once the outcomes hold (see {@link Probes}). */
    public ScenarioBuilder steadyState(OutcomeSpec... probes) {
        return with(s -> s.steadyState = plus(s.steadyState, probes));
    }

    /** One more fault, after those given before (see {@link Faults}; {@link Faults#at} times it). */
    public ScenarioBuilder fault(FaultSpec fault) {
        return with(s -> s.faults = plus(s.faults, fault));
    }

    /** {@code expect: {within, outcomes}}: the outcome deadline and more outcomes (see {@link Outcomes}). */
    public ScenarioBuilder expect(Duration within, OutcomeSpec... outcomes) {
        return with(s -> {
            s.within = within;
            s.outcomes = plus(s.outcomes, outcomes);
        });
    }

    /** More outcomes, with the default deadline ({@link Scenario#DEFAULT_WITHIN}) unless one is given. */
    public ScenarioBuilder expect(OutcomeSpec... outcomes) {
        return with(s -> s.outcomes = plus(s.outcomes, outcomes));
    }

    /** {@code recovery: {within}}: the MTTR bound, fault → outcomes and steady state hold again. */
    public ScenarioBuilder recovery(Duration within) {
        return with(s -> s.recovery = within);
    }

    /** {@code idempotency}: {@code idempotency(Redelivery.redeliver(3).modes(SEQUENTIAL, LATE))}. */
    public ScenarioBuilder idempotency(Redelivery redelivery) {
        return with(s -> s.idempotency = redelivery);
    }

    /**
     * The model the loader would read from the same scenario in YAML.
     *
     * @throws InvalidScenarioException listing every problem, with the loader's key paths and words
     */
    public Scenario build() {
        List<String> problems = new ArrayList<>();
        Checks root = new Checks(null, baseDir.toAbsolutePath(), problems, "");
        ScenarioRules.checkName(root.required("scenario", name), root);
        Stack built = stack.build(root.at("stack"));
        Checks checks = root.withStack(built);
        List<Expectation> probes = expectations(checks.at("steadyState"), steadyState);
        List<Fault> builtFaults = faults(checks.at("faults"));
        ScenarioRules.deadline(within, checks.at("expect"));
        List<Expectation> builtOutcomes = expectations(checks.at("expect").at("outcomes"), outcomes);
        Scenario.Idempotency redelivery = idempotency == null ? null
                : idempotency.build(checks.at("idempotency"), realClock);
        Duration bound = ScenarioRules.recoveryBound(recovery, checks.at("recovery"));
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(name, problems);
        }
        return new Scenario(name, description, tags, null, built, builtFaults,
                within == null ? Scenario.DEFAULT_WITHIN : within, builtOutcomes, redelivery, probes, !realClock,
                bound == null ? null : new Scenario.Recovery(bound), seed);
    }

    private static List<Expectation> expectations(Checks list, List<OutcomeSpec> specs) {
        List<Expectation> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Expectation e = specs.get(i).build(list.item(i).at(specs.get(i).key()));
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /** Builds the faults, checking that their times do not decrease (the loader's rule for {@code at}). */
    private List<Fault> faults(Checks list) {
        List<Fault> out = new ArrayList<>();
        Duration previous = Duration.ZERO;
        for (int i = 0; i < faults.size(); i++) {
            FaultSpec spec = faults.get(i);
            Checks item = list.item(i);
            if (spec instanceof Faults.TimedSpec timed) {
                Duration at = ScenarioRules.faultTime(timed.at(), previous, item);
                if (at != null) {
                    previous = at;
                }
            }
            Fault fault = spec.build(item.at(spec.key()));
            if (fault != null) {
                out.add(fault);
            }
        }
        return out;
    }

    @SafeVarargs
    private static <T> List<T> plus(List<T> list, T... more) {
        List<T> next = new ArrayList<>(list);
        next.addAll(List.of(more));
        return List.copyOf(next);
    }
}
