package io.selfheal.harness.report;

import io.selfheal.harness.engine.ScenarioRun;
import io.selfheal.harness.iam.LeastPrivilegeReport;
import io.selfheal.harness.stack.FunctionKind;
import io.selfheal.harness.stack.RoleKind;
import java.util.ArrayList;
import java.util.List;

/** Each function's least-privilege report, read from a finished run's cloud before it closes. */
public final class LeastPrivilegeCapture {
    private LeastPrivilegeCapture() {
    }

    /**
     * One report per function of the stack that was provisioned; empty when the run broke before, or when the cloud
     * records no IAM decisions (AWS: an empty record would read as "no grant used").
     */
    public static List<LeastPrivilegeReport> of(ScenarioRun run) {
        List<LeastPrivilegeReport> out = new ArrayList<>();
        if (!run.cloud().capabilities().contains(io.selfheal.harness.backend.Capability.IAM_DECISIONS)) {
            return out;
        }
        var decisions = run.cloud().decisions();
        for (String function : run.scenario().stack().all(FunctionKind.Function.class).keySet()) {
            try {
                out.add(LeastPrivilegeReport.of(function, run.state().functionName(function), decisions,
                        run.state().get(FunctionKind.KEY, function, RoleKind.POLICIES)));
            } catch (IllegalStateException notProvisioned) {
                // provisioning broke before this function existed
            }
        }
        return out;
    }

    /** The console's lines for one function: {@code reboot: used 3 of 5 grants …}. */
    public static List<String> consoleLines(LeastPrivilegeReport r) {
        List<String> lines = new ArrayList<>();
        long usedGrants = r.grants().stream().filter(LeastPrivilegeReport.Grant::used).count();
        lines.add(r.function() + ": " + r.used().size() + " action" + (r.used().size() == 1 ? "" : "s") + " used ("
                + String.join(", ", r.used().stream().map(LeastPrivilegeReport.ActionUse::action).toList()) + "), "
                + usedGrants + " of " + r.grants().size() + " grants used");
        r.unusedGrants().forEach(g -> lines.add("  unused grant " + g.id() + ": " + g.actions()));
        r.narrowableGrants().forEach(g -> lines.add("  could narrow " + g.id() + " from " + g.resources() + " to "
                + g.touched()));
        r.denialLines().forEach(d -> lines.add("  " + d));
        return lines;
    }
}
