package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.List;

/**
 * MonitorInstances and UnmonitorInstances (API reference): each answers {@code instancesSet} of {@code instanceId} and
 * {@code monitoring.state}, {@code pending} or {@code disabling}, which settles to {@code enabled} or {@code disabled}.
 * Asking for the state an instance is already in (or moving to) changes nothing and answers that state.
 */
final class MonitoringHandlers {
    private final RegionalStore<Ec2Region> store;
    private final InstanceLifecycle lifecycle;

    MonitoringHandlers(RegionalStore<Ec2Region> store, InstanceLifecycle lifecycle) {
        this.store = store;
        this.lifecycle = lifecycle;
    }

    /** RunInstances' {@code Monitoring.Enabled}: detailed monitoring starts {@code pending}, as AWS reports it. */
    static MonitoringState atLaunch(Params p) {
        Params monitoring = p.child("Monitoring");
        return monitoring != null && monitoring.bool("Enabled", false) ? MonitoringState.PENDING
                : MonitoringState.DISABLED;
    }

    JsonNode monitorInstances(RequestContext ctx, ObjectNode input) {
        return change(ctx, input, MonitoringState.PENDING, MonitoringState.ENABLED);
    }

    JsonNode unmonitorInstances(RequestContext ctx, ObjectNode input) {
        return change(ctx, input, MonitoringState.DISABLING, MonitoringState.DISABLED);
    }

    private JsonNode change(RequestContext ctx, ObjectNode input, MonitoringState transitional,
                            MonitoringState settled) {
        Params p = new Params(input, Params.EC2);
        List<String> ids = InstanceIds.required(p);
        Ec2Region region = store.get(ctx);
        ObjectNode result = Json.object();
        ArrayNode set = result.putArray("instancesSet");
        synchronized (region) {
            List<Instance> instances = InstanceIds.resolve(region, ids);
            Ec2Errors.checkDryRun(p);
            for (Instance instance : instances) {
                MonitoringState now = instance.telemetry.monitoring;
                if (now != transitional && now != settled) {
                    lifecycle.changeMonitoring(region, instance, transitional, settled);
                }
                set.addObject().put("instanceId", instance.instanceId)
                        .putObject("monitoring").put("state", instance.telemetry.monitoring.wireName());
            }
        }
        return result;
    }
}
