package io.selfheal.harness.yaml;

import java.util.List;
import java.util.stream.Collectors;

/** A file with mistakes; the message lists each as {@code file:line:column: key.path: message}. */
public final class InvalidFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public InvalidFileException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
