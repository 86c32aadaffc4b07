package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.CallerIdentity;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.messages.LaunchGroupInstances;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers {@link LaunchGroupInstances}: the same RunInstances (from the group's launch configuration's values or its
 * launch template) and TerminateInstances an API caller gets (same validation), then the {@code aws:autoscaling:groupName} tag, which EC2 refuses from callers.
 */
final class GroupLaunches {
    private final EmulatorContext context;
    private final RegionalStore<Ec2Region> store;
    private final RunInstancesHandler run;
    private final InstanceStateHandlers states;

    GroupLaunches(EmulatorContext context, RegionalStore<Ec2Region> store, RunInstancesHandler run,
                  InstanceStateHandlers states) {
        this.context = context;
        this.store = store;
        this.run = run;
        this.states = states;
        context.bus().handle(LaunchGroupInstances.class, this::launch);
    }

    private LaunchGroupInstances.Result launch(LaunchGroupInstances q) {
        RequestContext ctx = new RequestContext(context.ids().uuid("request"), q.region(),
                CallerIdentity.root(q.accountId(), "AutoScaling"), "ec2", "RunInstances", context.clock().now(),
                context.endpoint());
        try {
            if (!q.terminate().isEmpty()) {
                ObjectNode input = Json.object();
                q.terminate().forEach(id -> input.withArray("InstanceId").add(id));
                states.terminateInstances(ctx, input);
                return new LaunchGroupInstances.Result(List.of(), null);
            }
            ObjectNode input = Json.object().put("MinCount", q.count()).put("MaxCount", q.count());
            if (q.imageId() != null) {
                input.put("ImageId", q.imageId());
            }
            if (q.launchTemplate() != null) {
                ObjectNode spec = input.putObject("LaunchTemplate");
                if (q.launchTemplate().id() != null) {
                    spec.put("LaunchTemplateId", q.launchTemplate().id());
                } else {
                    spec.put("LaunchTemplateName", q.launchTemplate().name());
                }
                if (q.launchTemplate().version() != null) {
                    spec.put("Version", q.launchTemplate().version());
                }
            }
            if (q.instanceType() != null) {
                input.put("InstanceType", q.instanceType());
            }
            if (q.keyName() != null) {
                input.put("KeyName", q.keyName());
            }
            if (q.subnetId() != null) {
                input.put("SubnetId", q.subnetId());
            } else if (q.zone() != null) {
                input.putObject("Placement").put("AvailabilityZone", q.zone());
            }
            q.securityGroups().forEach(g -> input.withArray(g.startsWith("sg-") ? "SecurityGroupId" : "SecurityGroup")
                    .add(g));
            if (q.iamInstanceProfile() != null) {
                input.putObject("IamInstanceProfile").put(q.iamInstanceProfile().startsWith("arn:") ? "Arn" : "Name",
                        q.iamInstanceProfile());
            }
            JsonNode reservation = run.runInstances(ctx, input);
            Ec2Region region = store.get(q.accountId(), q.region());
            List<LaunchGroupInstances.Launched> launched = new ArrayList<>();
            synchronized (region) {
                for (JsonNode i : reservation.path("instancesSet")) {
                    Instance instance = region.get(i.path("instanceId").asText());
                    instance.tags.putAll(q.tags());
                    launched.add(new LaunchGroupInstances.Launched(instance.instanceId, instance.availabilityZone,
                            instance.instanceType));
                }
            }
            return new LaunchGroupInstances.Result(launched, null);
        } catch (AwsException e) {
            return new LaunchGroupInstances.Result(List.of(), e.code() + ": " + e.getMessage());
        }
    }
}
