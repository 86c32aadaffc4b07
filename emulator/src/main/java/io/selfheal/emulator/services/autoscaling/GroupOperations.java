package io.selfheal.emulator.services.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.messages.DescribeLaunchTemplate;
import io.selfheal.emulator.messages.LaunchGroupInstances;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Create/DescribeLaunchConfigurations, Create/Describe/DeleteAutoScalingGroup(s) and DescribeAutoScalingInstances
 * (Auto Scaling API reference). A group launches from a launch configuration or an EC2 launch template; a new group
 * launches its desired capacity at once.
 */
final class GroupOperations {
    private final EmulatorContext context;
    private final RegionalStore<AutoScalingRegion> store;
    private final GroupLauncher launcher;

    GroupOperations(EmulatorContext context, RegionalStore<AutoScalingRegion> store, GroupLauncher launcher) {
        this.context = context;
        this.store = store;
        this.launcher = launcher;
    }

    JsonNode createLaunchConfiguration(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.QUERY);
        String name = p.required("LaunchConfigurationName");
        String imageId = p.required("ImageId");
        AutoScalingRegion region = store.get(ctx.accountId(), ctx.region());
        synchronized (region) {
            if (region.launchConfigurations.containsKey(name)) {
                throw AwsException.badRequest("AlreadyExists", "Launch Configuration by this name already exists - "
                        + "A launch configuration already exists with the name " + name);
            }
            String arn = ctx.arn("autoscaling", "launchConfiguration:" + context.ids().uuid("lc")
                    + ":launchConfigurationName/" + name);
            region.launchConfigurations.put(name, new LaunchConfiguration(name, arn, imageId,
                    p.string("InstanceType", "m1.small"), p.strings("SecurityGroups"), p.string("IamInstanceProfile"),
                    p.string("KeyName"), context.clock().now()));
        }
        return Json.object();
    }

    JsonNode describeLaunchConfigurations(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.QUERY);
        List<String> names = p.strings("LaunchConfigurationNames");
        AutoScalingRegion region = store.get(ctx.accountId(), ctx.region());
        ObjectNode result = Json.object();
        ArrayNode set = result.putArray("LaunchConfigurations");
        synchronized (region) {
            region.launchConfigurations.values().stream().filter(lc -> names.isEmpty() || names.contains(lc.name()))
                    .forEach(lc -> {
                        ObjectNode n = set.addObject().put("LaunchConfigurationName", lc.name())
                                .put("LaunchConfigurationARN", lc.arn()).put("ImageId", lc.imageId())
                                .put("InstanceType", lc.instanceType()).put("CreatedTime", lc.createdTime().toString());
                        ArrayNode groups = n.putArray("SecurityGroups");
                        lc.securityGroups().forEach(groups::add);
                        if (lc.iamInstanceProfile() != null) {
                            n.put("IamInstanceProfile", lc.iamInstanceProfile());
                        }
                    });
        }
        return result;
    }

    JsonNode createAutoScalingGroup(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.QUERY);
        String name = p.required("AutoScalingGroupName");
        int min = required(p, "MinSize");
        int max = required(p, "MaxSize");
        int desired = p.integer("DesiredCapacity", min);
        if (min > max) {
            throw AutoScalingErrors.validation("MinSize must not be greater than MaxSize");
        }
        if (desired < min || desired > max) {
            throw AutoScalingErrors.validation("Desired capacity:" + desired + " must be between the specified min "
                    + "size:" + min + " and max size:" + max);
        }
        String lcName = p.string("LaunchConfigurationName");
        Params template = p.child("LaunchTemplate");
        if ((lcName == null) == (template == null)) {
            throw AutoScalingErrors.validation("Valid requests must contain either LaunchTemplate, "
                    + "LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.");
        }
        List<String> subnets = p.string("VPCZoneIdentifier") == null ? List.of()
                : Arrays.stream(p.string("VPCZoneIdentifier").split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList();
        List<String> zones = p.strings("AvailabilityZones");
        if (subnets.isEmpty() && zones.isEmpty()) {
            throw AutoScalingErrors.validation("At least one Availability Zone or VPC Subnet is required.");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (ObjectNode t : p.objects("Tags")) {
            Params tag = new Params(t, Params.QUERY);
            tags.put(tag.required("Key"), tag.string("Value", ""));
        }
        AutoScalingRegion region = store.get(ctx.accountId(), ctx.region());
        synchronized (region) {
            if (region.groups.containsKey(name)) {
                throw AwsException.badRequest("AlreadyExists", "AutoScalingGroup by this name already exists - A group "
                        + "with the name " + name + " already exists");
            }
            LaunchConfiguration lc = null;
            LaunchGroupInstances.Template lt = null;
            if (lcName != null) {
                lc = region.launchConfigurations.get(lcName);
                if (lc == null) {
                    throw AutoScalingErrors.validation("Launch configuration name not found - Launch configuration "
                            + lcName + " not found");
                }
            } else {
                lt = launchTemplate(ctx, template);
            }
            String arn = ctx.arn("autoscaling", "autoScalingGroup:" + context.ids().uuid("asg")
                    + ":autoScalingGroupName/" + name);
            Group g = new Group(name, arn, lc, lt, min, max, desired, subnets, zones, context.clock().now(), tags);
            launcher.launch(ctx, g, desired);
            region.groups.put(name, g);
        }
        return Json.object();
    }

    JsonNode describeAutoScalingGroups(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.QUERY);
        List<String> names = p.strings("AutoScalingGroupNames");
        AutoScalingRegion region = store.get(ctx.accountId(), ctx.region());
        ObjectNode result = Json.object();
        ArrayNode set = result.putArray("AutoScalingGroups");
        synchronized (region) {
            region.groups.values().stream().filter(g -> names.isEmpty() || names.contains(g.name))
                    .forEach(g -> set.add(AutoScalingXml.group(g)));
        }
        return result;
    }

    /** DescribeAutoScalingInstances: unknown instance ids are left out, as AWS does. */
    JsonNode describeAutoScalingInstances(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.QUERY);
        List<String> ids = p.strings("InstanceIds");
        AutoScalingRegion region = store.get(ctx.accountId(), ctx.region());
        ObjectNode result = Json.object();
        ArrayNode set = result.putArray("AutoScalingInstances");
        synchronized (region) {
            for (Group g : region.groups.values()) {
                g.members.values().stream().filter(m -> ids.isEmpty() || ids.contains(m.instanceId))
                        .forEach(m -> set.add(AutoScalingXml.member(m, g)));
            }
        }
        return result;
    }

    /**
     * DeleteAutoScalingGroup: refused while the group has instances ({@code ResourceInUse}) unless
     * {@code ForceDelete}, which terminates them.
     */
    JsonNode deleteAutoScalingGroup(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.QUERY);
        String name = p.required("AutoScalingGroupName");
        boolean force = p.bool("ForceDelete", false);
        AutoScalingRegion region = store.get(ctx.accountId(), ctx.region());
        synchronized (region) {
            Group g = region.groups.get(name);
            if (g == null) {
                throw AutoScalingErrors.groupNotFound(name);
            }
            if (!g.members.isEmpty() && !force) {
                throw AwsException.badRequest("ResourceInUse", "You cannot delete an AutoScalingGroup while there are "
                        + "instances or pending Spot instance request(s) still in the group.");
            }
            launcher.terminate(ctx, new ArrayList<>(g.members.keySet()));
            region.groups.remove(name);
        }
        return Json.object();
    }

    /**
     * The group's {@code LaunchTemplate}: an id or a name (not both) and a version ({@code $Default} when none, as
     * "Create an Auto Scaling group using a launch template" says), checked with EC2 now, as AWS refuses a group
     * whose template does not exist.
     */
    private LaunchGroupInstances.Template launchTemplate(RequestContext ctx, Params spec) {
        String id = spec.string("LaunchTemplateId");
        String name = spec.string("LaunchTemplateName");
        if ((id == null) == (name == null)) {
            throw AutoScalingErrors.validation("You must specify either LaunchTemplateId or LaunchTemplateName, "
                    + "but not both.");
        }
        String version = spec.string("Version", "$Default");
        DescribeLaunchTemplate.Result found = context.bus().ask(new DescribeLaunchTemplate(ctx.accountId(),
                ctx.region(), id, name, version));
        if (found.error() != null) {
            throw AutoScalingErrors.validation("You must use a valid fully-formed launch template. "
                    + found.error().substring(found.error().indexOf(": ") + 2));
        }
        return new LaunchGroupInstances.Template(found.launchTemplateId(), found.launchTemplateName(), version);
    }

    static Group group(AutoScalingRegion region, String name) {
        Group g = region.groups.get(name);
        if (g == null) {
            throw AutoScalingErrors.groupNotFound(name);
        }
        return g;
    }

    private static int required(Params p, String name) {
        Integer v = p.integer(name);
        if (v == null) {
            throw p.errors().missing(name);
        }
        return v;
    }
}
