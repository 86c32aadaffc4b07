package io.selfheal.harness.engine;

import io.selfheal.harness.backend.EmbeddedCloud;
import io.selfheal.harness.runid.CallRecorder;
import io.selfheal.harness.runid.RunIdentity;
import io.selfheal.harness.runid.RunTagging;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.stack.CloudClients;
import io.selfheal.harness.stack.Provisioning;
import java.util.List;

/**
 * What {@code selfheal run --plan} prints: the AWS calls a scenario's provisioning makes, in order, found by running
 * that same provisioning — not a description of it — against a throwaway embedded emulator through clients that
 * record each call as sent (tags and run-id names included). Nothing reaches the backend the plan is for. Ids and
 * ARNs in later calls are the stand-in's (the real ones exist only once AWS makes them); names are as the run
 * gives them.
 *
 * @param calls the calls, in order
 * @param error why provisioning stopped, or null when it went through
 */
public record ProvisioningPlan(List<CallRecorder.Call> calls, String error) {

    /**
     * @param identity the run identity the names and tags are for (a backend whose runs carry a run id); null for
     *                 the embedded backend, which names things as the scenario does
     */
    public static ProvisioningPlan of(Scenario scenario, RunIdentity identity) {
        CallRecorder recorder = new CallRecorder();
        try (EmbeddedCloud standIn = new EmbeddedCloud(true, scenario.idSeed());
             CloudClients clients = new CloudClients(standIn, identity == null ? List.of(recorder)
                     : List.of(new RunTagging(identity), recorder));
             Provisioning provisioning = new Provisioning(clients, standIn, identity)) {
            provisioning.provision(scenario.stack());
            return new ProvisioningPlan(recorder.calls(), null);
        } catch (RuntimeException e) {
            return new ProvisioningPlan(recorder.calls(), e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }
}
