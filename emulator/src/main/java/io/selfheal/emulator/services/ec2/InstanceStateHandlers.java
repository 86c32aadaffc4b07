package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * StartInstances, StopInstances, TerminateInstances (answering each instance's previous and current state) and
 * RebootInstances (answering {@code true}). Every call is checked whole first, ids, then DryRun, then each instance's
 * state, so a refused call changes nothing.
 */
final class InstanceStateHandlers {
    private final RegionalStore<Ec2Region> store;
    private final InstanceLifecycle lifecycle;

    InstanceStateHandlers(RegionalStore<Ec2Region> store, InstanceLifecycle lifecycle) {
        this.store = store;
        this.lifecycle = lifecycle;
    }

    JsonNode startInstances(RequestContext ctx, ObjectNode input) {
        return changeStates(ctx, input, lifecycle::checkStart, lifecycle::start);
    }

    /** StopInstances refuses an instance with stop protection (DisableApiStop) before looking at its state. */
    JsonNode stopInstances(RequestContext ctx, ObjectNode input) {
        return changeStates(ctx, input, i -> {
            InstanceAttributeHandlers.checkStoppable(i);
            lifecycle.checkStop(i);
        }, lifecycle::stop);
    }

    /**
     * TerminateInstances accepts every state (terminating a terminated instance answers terminated → terminated), but
     * not an instance with termination protection (DisableApiTermination).
     */
    JsonNode terminateInstances(RequestContext ctx, ObjectNode input) {
        return changeStates(ctx, input, InstanceAttributeHandlers::checkTerminable, lifecycle::terminate);
    }

    JsonNode rebootInstances(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        List<String> ids = InstanceIds.required(p);
        Ec2Region region = store.get(ctx);
        synchronized (region) {
            List<Instance> instances = InstanceIds.resolve(region, ids);
            Ec2Errors.checkDryRun(p);
            instances.forEach(lifecycle::checkReboot);
            instances.forEach(lifecycle::reboot);
        }
        return Json.object().put("return", true);
    }

    private JsonNode changeStates(RequestContext ctx, ObjectNode input, Consumer<Instance> check,
                                  BiConsumer<Ec2Region, Instance> change) {
        Params p = new Params(input, Params.EC2);
        List<String> ids = InstanceIds.required(p);
        Ec2Region region = store.get(ctx);
        ObjectNode result = Json.object();
        ArrayNode changes = result.putArray("instancesSet");
        synchronized (region) {
            List<Instance> instances = InstanceIds.resolve(region, ids);
            Ec2Errors.checkDryRun(p);
            instances.forEach(check);
            for (Instance instance : instances) {
                InstanceState previous = instance.state;
                change.accept(region, instance);
                changes.add(InstanceXml.stateChange(instance.instanceId, previous, instance.state));
            }
        }
        return result;
    }
}
