package io.selfheal.harness.dsl;

import java.util.List;

/**
 * A scenario built in Java with mistakes: the message lists each as {@code key.path: message}, with the key paths
 * and words of the YAML loader ({@code faults[0].alarmState.alarm: no alarms entry 'cpuHig' in stack (did you mean
 * 'cpuHigh'?); defined: cpuHigh}).
 */
public final class InvalidScenarioException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    InvalidScenarioException(String scenario, List<String> problems) {
        super("scenario " + scenario + " has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, {@code key.path: message}. */
    public List<String> problems() {
        return problems;
    }
}
