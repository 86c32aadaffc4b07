package io.selfheal.emulator.messages;

import io.selfheal.emulator.core.BusRequest;
import java.util.List;
import java.util.Map;

/**
 * Auto Scaling asks EC2 to launch (or terminate) a group's instances from its launch configuration, as the group's
 * service-linked role does on AWS. Launched instances carry {@code tags} (with {@code aws:autoscaling:groupName},
 * which no API caller may set).
 *
 * @param subnetId       the subnet to launch into, or null for the default subnet of {@code zone}
 * @param terminate      instance ids to terminate instead of launching (then the launch fields are ignored)
 * @param launchTemplate the group's launch template, or null when it launches from a configuration (then
 *                       {@code imageId} and the other launch fields)
 */
public record LaunchGroupInstances(String accountId, String region, String imageId, String instanceType,
                                   List<String> securityGroups, String iamInstanceProfile, String keyName,
                                   String subnetId, String zone, int count, Map<String, String> tags,
                                   List<String> terminate, Template launchTemplate) implements BusRequest<LaunchGroupInstances.Result> {

    /** The instances launched with their zones, or EC2's refusal (code and message). */
    public record Result(List<Launched> launched, String error) {
    }

    /** A launch template by id or name, and its version ({@code $Latest}, {@code $Default} or a number). */
    public record Template(String id, String name, String version) {
    }

    public record Launched(String instanceId, String availabilityZone, String instanceType) {
    }
}
