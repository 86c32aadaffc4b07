package io.selfheal.harness.patterns;

import java.util.List;

/**
 * Why a pattern matches an event or not.
 *
 * @param matches Event Ruler's verdict on the whole pattern
 * @param checks  every leaf and {@code $or} of the pattern, in pattern order
 * @param note    when the pattern fails although every part passes alone (array consistency), why; else null
 */
public record Explanation(boolean matches, List<Check> checks, String note) {
    public Explanation {
        checks = List.copyOf(checks);
    }

    /** The checks that fail on their own. */
    public List<Check> failures() {
        return checks.stream().filter(c -> !c.matches()).toList();
    }

    /** "matches", or "does not match" and one line per failing field (nested under failing {@code $or}s). */
    public String render() {
        StringBuilder out = new StringBuilder(matches ? "matches" : "does not match");
        if (!matches) {
            render(failures(), "  ", out);
            if (note != null) {
                out.append("\n  ").append(note);
            }
        }
        return out.toString();
    }

    private static void render(List<Check> checks, String indent, StringBuilder out) {
        for (Check check : checks) {
            if (check instanceof Check.Field f) {
                out.append('\n').append(indent).append(f.path()).append(": allowed ").append(f.allowed())
                        .append(", event has ").append(f.foundText());
            } else if (check instanceof Check.AnyOf any) {
                out.append('\n').append(indent).append(any.path().isEmpty() ? "" : any.path() + ": ")
                        .append("none of the ").append(any.alternatives().size()).append(" $or alternatives matches");
                int i = 1;
                for (Alternative alternative : any.alternatives()) {
                    out.append('\n').append(indent).append("  alternative ").append(i++).append(':');
                    render(alternative.checks().stream().filter(c -> !c.matches()).toList(), indent + "    ", out);
                }
            }
        }
    }
}
