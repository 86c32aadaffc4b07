package io.selfheal.emulator.services.ec2;

import io.selfheal.emulator.core.AwsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The id shape and the errors of one resource type ("Error codes for the Amazon EC2 API"): a malformed id is refused
 * first ({@code …Malformed}), then every unknown id together ({@code …NotFound}).
 */
enum ResourceKind {
    VPC("vpc", "InvalidVpcID", "The vpc ID '%s' does not exist", "The vpc IDs '%s' do not exist"),
    SUBNET("subnet", "InvalidSubnetID", "The subnet ID '%s' does not exist", "The subnet IDs '%s' do not exist"),
    SECURITY_GROUP("sg", "InvalidGroupId", "The security group '%s' does not exist",
            "The security groups '%s' do not exist") {
        @Override
        String notFoundCode() {
            return "InvalidGroup.NotFound";
        }
    },
    SECURITY_GROUP_RULE("sgr", "InvalidSecurityGroupRuleId", "The security group rule ID '%s' does not exist",
            "The security group rule IDs '%s' do not exist"),
    NETWORK_INTERFACE("eni", "InvalidNetworkInterfaceID", "The networkInterface ID '%s' does not exist",
            "The networkInterface IDs '%s' do not exist"),
    VOLUME("vol", "InvalidVolume", "The volume '%s' does not exist.", "The volume '%s' does not exist.") {
        @Override
        String malformedCode() {
            return "InvalidVolumeID.Malformed";
        }
    },
    SNAPSHOT("snap", "InvalidSnapshot", "The snapshot '%s' does not exist.", "The snapshots '%s' do not exist.") {
        @Override
        String malformedCode() {
            return "InvalidSnapshotID.Malformed";
        }
    },
    ELASTIC_IP("eipalloc", "InvalidAllocationID", "The allocation ID '%s' does not exist",
            "The allocation IDs '%s' do not exist");

    final String prefix;
    private final String codeStem;
    private final String one;
    private final String many;
    private final Pattern shape;

    ResourceKind(String prefix, String codeStem, String one, String many) {
        this.prefix = prefix;
        this.codeStem = codeStem;
        this.one = one;
        this.many = many;
        this.shape = Pattern.compile(Pattern.quote(prefix) + "-([0-9a-f]{8}|[0-9a-f]{17})");
    }

    String notFoundCode() {
        return codeStem + ".NotFound";
    }

    String malformedCode() {
        return codeStem + ".Malformed";
    }

    boolean wellFormed(String id) {
        return shape.matcher(id).matches();
    }

    AwsException malformed(String id) {
        return AwsException.badRequest(malformedCode(), "Invalid id: \"" + id + "\" (expecting \"" + prefix + "-...\")");
    }

    AwsException notFound(List<String> ids) {
        return AwsException.badRequest(notFoundCode(),
                String.format(ids.size() == 1 ? one : many, String.join(", ", ids)));
    }

    /** The resources named by {@code ids}, in request order; callers hold the region's monitor. */
    <T> List<T> resolve(Map<String, T> resources, List<String> ids) {
        for (String id : ids) {
            if (!wellFormed(id)) {
                throw malformed(id);
            }
        }
        List<T> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            T resource = resources.get(id);
            if (resource == null) {
                missing.add(id);
            } else {
                found.add(resource);
            }
        }
        if (!missing.isEmpty()) {
            throw notFound(missing);
        }
        return found;
    }

    <T> T resolve(Map<String, T> resources, String id) {
        return resolve(resources, List.of(id)).get(0);
    }
}
