package io.selfheal.emulator.services.autoscaling;

import io.selfheal.emulator.messages.LaunchGroupInstances;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An Auto Scaling group and its instances (by id, in launch order). */
final class Group {
    /** One instance of the group: {@code InService} or {@code Standby} here. */
    static final class Member {
        final String instanceId;
        final String availabilityZone;
        final String instanceType;
        String lifecycleState = "InService";

        Member(String instanceId, String availabilityZone, String instanceType) {
            this.instanceId = instanceId;
            this.availabilityZone = availabilityZone;
            this.instanceType = instanceType;
        }
    }

    final String name;
    final String arn;
    /** The launch configuration, or null when the group launches from {@link #launchTemplate}. */
    final LaunchConfiguration launchConfiguration;
    /** The launch template (its id, its name, the version as the request gave it), or null. */
    final LaunchGroupInstances.Template launchTemplate;
    final int minSize;
    final int maxSize;
    int desiredCapacity;
    final List<String> subnets;
    final List<String> zones;
    final Instant createdTime;
    final Map<String, String> tags;
    final Map<String, Member> members = new LinkedHashMap<>();
    /** Round-robin position over the subnets (or zones) for the next launch. */
    int next;

    Group(String name, String arn, LaunchConfiguration launchConfiguration, LaunchGroupInstances.Template launchTemplate,
          int minSize, int maxSize,
          int desiredCapacity, List<String> subnets, List<String> zones, Instant createdTime,
          Map<String, String> tags) {
        this.name = name;
        this.arn = arn;
        this.launchConfiguration = launchConfiguration;
        this.launchTemplate = launchTemplate;
        this.minSize = minSize;
        this.maxSize = maxSize;
        this.desiredCapacity = desiredCapacity;
        this.subnets = subnets;
        this.zones = zones;
        this.createdTime = createdTime;
        this.tags = tags;
    }

    long inService() {
        return members.values().stream().filter(m -> m.lifecycleState.equals("InService")).count();
    }
}
