package io.selfheal.emulator.messages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.KeyedBusRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * AWS Config asks the service that owns a resource type for the current configuration of all its resources of that
 * type in an account and region, to record configuration items from the live state. Keyed by the resource type
 * ({@code AWS::EC2::SecurityGroup} …): each owning service registers a handler per type it answers with
 * {@code bus.handle(DescribeResourceConfigurations.class, type, …)}. Global types (IAM) answer the same in every region.
 *
 * @param resourceType a CloudFormation-style type, as Config names it
 */
public record DescribeResourceConfigurations(String accountId, String region, String resourceType)
        implements KeyedBusRequest<DescribeResourceConfigurations.Result> {

    @Override
    public String key() {
        return resourceType;
    }

    /** Every resource of the type that exists now, oldest first. */
    public record Result(List<Resource> resources) {
    }

    /**
     * One resource as a configuration item shows it.
     *
     * @param availabilityZone           its zone, {@code Regional}/{@code Not Applicable} as AWS writes it, or null
     * @param creationTime               when it was made, or null when the service does not know
     * @param configuration              the service's Describe shape with lower-camel keys, as Config's items show it
     * @param supplementaryConfiguration what AWS records beside it (an S3 bucket's policy …), maybe empty
     * @param relationships              the related resources Config names for the type
     */
    public record Resource(String resourceId, String resourceName, String arn, String availabilityZone,
                           Instant creationTime, Map<String, String> tags, ObjectNode configuration,
                           ObjectNode supplementaryConfiguration, List<Relationship> relationships) {
    }

    /**
     * @param name AWS's relationship name, e.g. {@code Is associated with Instance}, {@code Is contained in Vpc}
     */
    public record Relationship(String resourceType, String resourceId, String resourceName, String name) {
    }
}
