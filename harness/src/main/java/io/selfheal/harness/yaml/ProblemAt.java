package io.selfheal.harness.yaml;

/**
 * Where a rule reports a problem: by key under the entry it checks ({@code ""} for the entry itself). A YAML mapping
 * ({@link YMap#problems()}) reports at the key's node with its {@code file:line:column}; the Java DSL at its key
 * path. One rule, one message, whichever form the scenario was written in.
 */
@FunctionalInterface
public interface ProblemAt {
    void problem(String key, String message);
}
