package io.selfheal.harness.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects problems while a file is read; {@link #throwIfAny()} reports them together. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    /** Adds a problem; the same problem found twice (a node read twice) is kept once. */
    public void add(Problem problem) {
        if (!list.contains(problem)) {
            list.add(problem);
        }
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<Problem> list() {
        List<Problem> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return sorted;
    }

    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new InvalidFileException(list());
        }
    }
}
