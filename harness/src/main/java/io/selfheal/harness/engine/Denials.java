package io.selfheal.harness.engine;

import io.selfheal.harness.iam.LeastPrivilegeReport;
import io.selfheal.harness.stack.FunctionKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A failure caused by IAM says so first, one line per denial:
 * {@code reboot: ec2:RebootInstances on arn:aws:ec2:…:instance/i-… denied: no identity-based policy allows it}.
 */
final class Denials {
    private Denials() {
    }

    /** The denial lines of the stack's functions, each ending in a newline; empty when IAM denied nothing. */
    static String headline(ScenarioRun run) {
        List<String> lines = new ArrayList<>();
        try {
            for (String function : run.scenario().stack().all(FunctionKind.Function.class).keySet()) {
                lines.addAll(LeastPrivilegeReport.of(function, run.state().functionName(function),
                        run.cloud().decisions(), null).denialLines());
            }
        } catch (IllegalStateException notProvisioned) {
            return ""; // provisioning broke before the functions existed
        }
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
