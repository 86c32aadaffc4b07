package io.selfheal.emulator.services.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.List;

/**
 * DetachInstances, EnterStandby and ExitStandby (Auto Scaling API reference; "Detach or attach instances" and
 * "Temporarily remove instances" in the User Guide): without {@code ShouldDecrementDesiredCapacity} the group
 * launches a replacement for each instance that leaves service; with it, the desired capacity drops (never below
 * the minimum size). Each answers one activity per instance.
 */
final class StandbyOperations {
    private final EmulatorContext context;
    private final RegionalStore<AutoScalingRegion> store;
    private final GroupLauncher launcher;

    StandbyOperations(EmulatorContext context, RegionalStore<AutoScalingRegion> store, GroupLauncher launcher) {
        this.context = context;
        this.store = store;
        this.launcher = launcher;
    }

    JsonNode detachInstances(RequestContext ctx, ObjectNode input) {
        return leave(ctx, input, true);
    }

    JsonNode enterStandby(RequestContext ctx, ObjectNode input) {
        return leave(ctx, input, false);
    }

    JsonNode exitStandby(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.QUERY);
        String name = p.required("AutoScalingGroupName");
        List<String> ids = p.strings("InstanceIds");
        AutoScalingRegion region = store.get(ctx.accountId(), ctx.region());
        synchronized (region) {
            Group g = GroupOperations.group(region, name);
            for (String id : ids) {
                Group.Member m = member(g, id);
                if (!m.lifecycleState.equals("Standby")) {
                    throw AutoScalingErrors.validation("The instance " + id + " is not in Standby.");
                }
            }
            if (g.desiredCapacity + ids.size() > g.maxSize) {
                throw AutoScalingErrors.validation("Exiting standby would raise the desired capacity above the group's "
                        + "maximum size " + g.maxSize + ".");
            }
            ObjectNode result = Json.object();
            ArrayNode activities = result.putArray("Activities");
            for (String id : ids) {
                g.members.get(id).lifecycleState = "InService";
                g.desiredCapacity++;
                activities.add(activity(g, "Moving EC2 instance out of Standby: " + id, id));
            }
            return result;
        }
    }

    private JsonNode leave(RequestContext ctx, ObjectNode input, boolean detach) {
        Params p = new Params(input, Params.QUERY);
        String name = p.required("AutoScalingGroupName");
        if (!p.has("ShouldDecrementDesiredCapacity")) {
            throw p.errors().missing("ShouldDecrementDesiredCapacity");
        }
        boolean decrement = p.bool("ShouldDecrementDesiredCapacity", false);
        List<String> ids = p.strings("InstanceIds");
        AutoScalingRegion region = store.get(ctx.accountId(), ctx.region());
        synchronized (region) {
            Group g = GroupOperations.group(region, name);
            for (String id : ids) {
                Group.Member m = member(g, id);
                if (!detach && !m.lifecycleState.equals("InService")) {
                    throw AutoScalingErrors.validation("The instance " + id + " is not in InService.");
                }
            }
            if (decrement && g.desiredCapacity - ids.size() < g.minSize) {
                throw AutoScalingErrors.validation("Cannot decrement desired capacity below the group's minimum size "
                        + g.minSize + ".");
            }
            ObjectNode result = Json.object();
            ArrayNode activities = result.putArray("Activities");
            int replacements = 0;
            for (String id : ids) {
                Group.Member m = g.members.get(id);
                boolean wasInService = m.lifecycleState.equals("InService");
                if (detach) {
                    g.members.remove(id);
                } else {
                    m.lifecycleState = "Standby";
                }
                if (decrement) {
                    g.desiredCapacity--;
                } else if (wasInService) {
                    replacements++;
                }
                activities.add(activity(g, (detach ? "Detaching EC2 instance: " : "Moving EC2 instance to Standby: ")
                        + id, id));
            }
            launcher.launch(ctx, g, replacements);
            return result;
        }
    }

    private static Group.Member member(Group g, String id) {
        Group.Member m = g.members.get(id);
        if (m == null) {
            throw AutoScalingErrors.notInGroup(id, g.name);
        }
        return m;
    }

    private ObjectNode activity(Group g, String description, String instanceId) {
        return AutoScalingXml.activity(context.ids().uuid("activity"), g, description,
                "At " + context.clock().now() + " instance " + instanceId + " was taken out of service in response to "
                        + "a user request.", context.clock().now());
    }
}
