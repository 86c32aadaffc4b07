package io.selfheal.emulator.services.autoscaling;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.messages.LaunchGroupInstances;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Launches a group's instances in EC2 over the bus (from its launch configuration's values or its launch template), spread round-robin over its subnets (or zones), tagged with the
 * group's propagated tags and {@code aws:autoscaling:groupName} ("Tag Auto Scaling groups and instances").
 */
final class GroupLauncher {
    static final String GROUP_TAG = "aws:autoscaling:groupName";

    private final EmulatorContext context;

    GroupLauncher(EmulatorContext context) {
        this.context = context;
    }

    /** Launches {@code count} instances into {@code g}; EC2's refusal becomes a ValidationError. */
    void launch(RequestContext ctx, Group g, int count) {
        LaunchConfiguration lc = g.launchConfiguration;
        boolean fromConfiguration = g.launchTemplate == null;
        Map<String, String> tags = new LinkedHashMap<>(g.tags);
        tags.put(GROUP_TAG, g.name);
        for (int n = 0; n < count; n++) {
            String subnet = g.subnets.isEmpty() ? null : g.subnets.get(g.next % g.subnets.size());
            String zone = g.subnets.isEmpty() ? g.zones.get(g.next % g.zones.size()) : null;
            g.next++;
            LaunchGroupInstances.Result r = context.bus().ask(fromConfiguration
                    ? new LaunchGroupInstances(ctx.accountId(), ctx.region(), lc.imageId(), lc.instanceType(),
                            lc.securityGroups(), lc.iamInstanceProfile(), lc.keyName(), subnet, zone, 1, tags, List.of(),
                            null)
                    : new LaunchGroupInstances(ctx.accountId(), ctx.region(), null, null, List.of(), null, null,
                            subnet, zone, 1, tags, List.of(), g.launchTemplate));
            if (r.error() != null) {
                throw AutoScalingErrors.validation("Launching a new EC2 instance failed: " + r.error());
            }
            r.launched().forEach(i -> g.members.put(i.instanceId(),
                    new Group.Member(i.instanceId(), i.availabilityZone(), i.instanceType())));
        }
    }

    void terminate(RequestContext ctx, List<String> instanceIds) {
        if (!instanceIds.isEmpty()) {
            context.bus().ask(new LaunchGroupInstances(ctx.accountId(), ctx.region(), null, null, List.of(), null,
                    null, null, null, 0, Map.of(), instanceIds, null));
        }
    }
}
