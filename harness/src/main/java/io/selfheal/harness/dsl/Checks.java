package io.selfheal.harness.dsl;

import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.stack.References;
import io.selfheal.harness.stack.Stack;
import io.selfheal.harness.yaml.ProblemAt;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What a builder checks its values against while {@link ScenarioBuilder#build()} turns it into the model: the stack
 * built so far, the base directory of relative paths, and the key path where a problem is reported. All problems go
 * to one list, thrown together at the end.
 */
public final class Checks implements ProblemAt {
    private final Stack stack;
    private final Path baseDir;
    private final List<String> problems;
    private final String path;

    Checks(Stack stack, Path baseDir, List<String> problems, String path) {
        this.stack = stack;
        this.baseDir = baseDir;
        this.problems = problems;
        this.path = path;
    }

    /** The checks for a key under this one. */
    public Checks at(String key) {
        if (key.isEmpty()) {
            return this;
        }
        return new Checks(stack, baseDir, problems, path.isEmpty() ? key : path + "." + key);
    }

    /** The checks for the {@code index}th item of the list at this path. */
    public Checks item(int index) {
        return new Checks(stack, baseDir, problems, path + "[" + index + "]");
    }

    /** The same checks against another stack (the builder's, once built). */
    Checks withStack(Stack other) {
        return new Checks(other, baseDir, problems, path);
    }

    public Stack stack() {
        return stack;
    }

    /** Where relative paths are resolved ({@link ScenarioBuilder#baseDir}), absolute. */
    public Path baseDir() {
        return baseDir;
    }

    /** A problem at {@code key} under this path ({@code ""}: here). */
    @Override
    public void problem(String key, String message) {
        at(key).problem(message);
    }

    public void problem(String message) {
        problems.add(path + ": " + message);
    }

    /** {@code value} under {@code key}, reporting the loader's "missing required key" when it is null. */
    public <T> T required(String key, T value) {
        if (value == null) {
            problem(io.selfheal.harness.yaml.YMap.missing(key));
        }
        return value;
    }

    /** Checks that {@code key} (under {@code field}) names a resource of {@code kind}; null after a problem. */
    public String stackKey(String field, String kind, String key) {
        if (required(field, key) == null) {
            return null;
        }
        String missing = ReadContext.missingKey(stack, kind, key);
        if (missing != null) {
            at(field).problem(missing);
            return null;
        }
        return key;
    }

    /** Checks every {@code ${kind.key.attribute}} reference in {@code text} against the stack. */
    public void references(String text) {
        if (text != null && stack != null) {
            References.problems(text, stack).forEach(this::problem);
        }
    }

    /** Checks that {@code value} is one of {@code choices}, with the loader's words. */
    public String choice(String key, String value, String... choices) {
        String problem = io.selfheal.harness.yaml.Suggestions.notOneOf(value, Arrays.asList(choices));
        if (problem != null) {
            at(key).problem(problem);
            return null;
        }
        return value;
    }

    /** Reports {@code message} when {@code duration} is zero or negative. */
    public Duration positive(String key, Duration duration, String message) {
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            at(key).problem(message);
            return null;
        }
        return duration;
    }
}
