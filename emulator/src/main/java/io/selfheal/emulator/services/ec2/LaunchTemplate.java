package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An EC2 launch template: immutable numbered versions of launch parameters, one of them the default
 * ("Restrictions for Amazon EC2 launch templates",
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/launch-template-restrictions.html). Read and written under the
 * region's monitor.
 */
final class LaunchTemplate implements Tagged {
    /**
     * One version: its launch parameters as RunInstances names them ({@code ImageId}, {@code SecurityGroupId: […]},
     * {@code TagSpecification: […]}), which is how {@code LaunchTemplateData} arrives on the wire.
     */
    record Version(long number, String description, ObjectNode data, String createdBy, Instant createTime) {
    }

    final String id;
    final String name;
    final String createdBy;
    final Instant createTime;
    final Map<String, String> tags = new LinkedHashMap<>();
    final List<Version> versions = new ArrayList<>();
    long defaultVersion = 1;

    LaunchTemplate(String id, String name, String createdBy, Instant createTime) {
        this.id = id;
        this.name = name;
        this.createdBy = createdBy;
        this.createTime = createTime;
    }

    long latestVersion() {
        return versions.get(versions.size() - 1).number();
    }

    /** The version numbered {@code number}, or null (versions are never deleted here, so the index is the number). */
    Version version(long number) {
        return number < 1 || number > versions.size() ? null : versions.get((int) number - 1);
    }

    @Override
    public String resourceId() {
        return id;
    }

    @Override
    public String resourceType() {
        return "launch-template";
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }
}
