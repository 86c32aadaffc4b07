package io.selfheal.harness.engine;

import io.selfheal.emulator.core.ApiCall;
import io.selfheal.harness.backend.EmbeddedCloud;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a pre-production reader needs beside the verdict: where the scenario ran, where its outcomes were read from,
 * on which clock, and the request ids of the calls the remediation made (to find them in the account's CloudTrail).
 *
 * @param backend          the cloud, as it describes itself ("LocalStack (localstack/localstack:4.0) on …")
 * @param embedded         whether it was the embedded emulator (reports print these facts for the others only)
 * @param observedFrom     where outcomes read calls, invocations and events from
 * @param realClock        whether MTTR is real time (else virtual)
 * @param remediationCalls the calls the stack's functions made after the fault: {@code ec2 RebootInstances <request id>}
 * @param cleanup          what deleting the run's resources at its end did; null when the cloud is thrown away with
 *                         the run (nothing to delete)
 */
public record RunFacts(String backend, boolean embedded, String observedFrom, boolean realClock,
                       List<String> remediationCalls, io.selfheal.harness.runid.CleanupReport cleanup) {

    public RunFacts {
        remediationCalls = List.copyOf(remediationCalls);
    }

    public RunFacts(String backend, boolean embedded, String observedFrom, boolean realClock,
                    List<String> remediationCalls) {
        this(backend, embedded, observedFrom, realClock, remediationCalls, null);
    }

    /** The facts of {@code run} once its checks are done. */
    static RunFacts of(ScenarioRun run) {
        List<String> calls;
        try {
            Set<String> sessions = run.stack().all(io.selfheal.harness.stack.FunctionKind.Function.class).keySet()
                    .stream().map(key -> "/" + run.state().functionName(key)).collect(Collectors.toSet());
            List<ApiCall> all = run.cloud().observation().calls();
            // After the fault by position: provisioning and the fault may share an instant of virtual time.
            calls = all.subList(Math.min(run.callsBeforeFault(), all.size()), all.size()).stream()
                    .filter(c -> c.callerArn() != null && c.callerArn().contains(":assumed-role/")
                            && sessions.stream().anyMatch(c.callerArn()::endsWith))
                    .map(c -> c.service() + " " + c.operation() + " " + c.requestId()).toList();
        } catch (RuntimeException unreadable) { // a run that broke before provisioning, an unreachable CloudTrail
            calls = List.of("(not read: " + unreadable.getMessage() + ")");
        }
        return new RunFacts(run.cloud().describe(), run.cloud() instanceof EmbeddedCloud,
                run.cloud().observation().source(), !run.cloud().virtualTime(), calls, run.cleanup());
    }

    /** For a scenario skipped on {@code cloud} before it ran. */
    static RunFacts skipped(io.selfheal.harness.backend.Cloud cloud) {
        return new RunFacts(cloud.describe(), cloud instanceof EmbeddedCloud, cloud.observation().source(),
                !cloud.virtualTime(), List.of());
    }
}
