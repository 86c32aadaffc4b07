package io.selfheal.harness.patterns;

import java.util.List;

/**
 * One alternative of a {@code $or}.
 *
 * @param matches whether Event Ruler matches the alternative as a whole
 * @param checks  its fields (and nested {@code $or}s)
 */
public record Alternative(boolean matches, List<Check> checks) {
    public Alternative {
        checks = List.copyOf(checks);
    }
}
