package io.selfheal.emulator.services.autoscaling;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.time.Instant;

/** Result trees in Auto Scaling's member names (the API reference's response elements). */
final class AutoScalingXml {
    private AutoScalingXml() {
    }

    static ObjectNode group(Group g) {
        ObjectNode n = launchedFrom(Json.object().put("AutoScalingGroupName", g.name)
                .put("AutoScalingGroupARN", g.arn), g).put("MinSize", g.minSize).put("MaxSize", g.maxSize).put("DesiredCapacity", g.desiredCapacity).put("DefaultCooldown", 300);
        ArrayNode zones = n.putArray("AvailabilityZones");
        java.util.Set<String> all = new java.util.TreeSet<>(g.zones);
        g.members.values().forEach(m -> all.add(m.availabilityZone));
        all.forEach(zones::add);
        n.putArray("LoadBalancerNames");
        n.putArray("TargetGroupARNs");
        n.put("HealthCheckType", "EC2").put("HealthCheckGracePeriod", 0);
        ArrayNode instances = n.putArray("Instances");
        g.members.values().forEach(m -> instances.add(member(m, g).without("AutoScalingGroupName")));
        n.put("CreatedTime", g.createdTime.toString());
        n.put("VPCZoneIdentifier", String.join(",", g.subnets));
        ArrayNode tags = n.putArray("Tags");
        g.tags.forEach((k, v) -> tags.addObject().put("ResourceId", g.name).put("ResourceType", "auto-scaling-group")
                .put("Key", k).put("Value", v).put("PropagateAtLaunch", true));
        n.putArray("TerminationPolicies").add("Default");
        n.put("NewInstancesProtectedFromScaleIn", false);
        return n;
    }

    static ObjectNode member(Group.Member m, Group g) {
        ObjectNode n = Json.object().put("InstanceId", m.instanceId).put("InstanceType", m.instanceType)
                .put("AutoScalingGroupName", g.name).put("AvailabilityZone", m.availabilityZone)
                .put("LifecycleState", m.lifecycleState).put("HealthStatus", "Healthy");
        return launchedFrom(n, g).put("ProtectedFromScaleIn", false);
    }

    /** {@code LaunchConfigurationName}, or {@code LaunchTemplate} with its id, name and version. */
    private static ObjectNode launchedFrom(ObjectNode n, Group g) {
        if (g.launchTemplate == null) {
            return n.put("LaunchConfigurationName", g.launchConfiguration.name());
        }
        n.putObject("LaunchTemplate").put("LaunchTemplateId", g.launchTemplate.id())
                .put("LaunchTemplateName", g.launchTemplate.name()).put("Version", g.launchTemplate.version());
        return n;
    }

    static ObjectNode activity(String id, Group g, String description, String cause, Instant now) {
        return Json.object().put("ActivityId", id).put("AutoScalingGroupName", g.name)
                .put("Description", description).put("Cause", cause).put("StartTime", now.toString())
                .put("StatusCode", "InProgress").put("Progress", 50).put("Details", "{}");
    }
}
