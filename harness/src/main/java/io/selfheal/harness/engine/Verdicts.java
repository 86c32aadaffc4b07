package io.selfheal.harness.engine;

import io.selfheal.harness.expect.Expectation;
import io.selfheal.harness.expect.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Checking a list of expectations at once, and the ✓/✗ lines a failure message shows for them. */
final class Verdicts {
    private Verdicts() {
    }

    static boolean allHold(ScenarioRun run, List<Expectation> checks, AtomicReference<List<Verdict>> last) {
        List<Verdict> verdicts = new ArrayList<>();
        for (Expectation e : checks) {
            verdicts.add(e.check(run));
        }
        last.set(verdicts);
        return verdicts.stream().allMatch(Verdict::holds);
    }

    static List<Verdict> tail(List<Verdict> verdicts, int from) {
        return verdicts.size() <= from ? List.of() : verdicts.subList(from, verdicts.size());
    }

    static String describe(List<Expectation> expectations, List<Verdict> verdicts, String prefix) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < expectations.size(); i++) {
            Verdict v = i < verdicts.size() ? verdicts.get(i) : null;
            out.append("\n  ").append(v != null && v.holds() ? "✓ " : "✗ ").append(prefix)
                    .append(expectations.get(i).describe()).append(v == null ? "" : " — observed: " + v.observed())
                    .append(v == null || v.source() == null ? "" : " (read from " + v.source() + ")");
        }
        return out.toString();
    }
}
