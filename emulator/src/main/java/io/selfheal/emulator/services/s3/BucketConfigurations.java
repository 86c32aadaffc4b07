package io.selfheal.emulator.services.s3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.DescribeResourceConfigurations;
import io.selfheal.emulator.messages.DescribeResourceConfigurations.Resource;
import java.util.Comparator;
import java.util.List;

/**
 * Answers AWS Config's {@link DescribeResourceConfigurations} for {@code AWS::S3::Bucket}: an account's buckets in a
 * region, {@code configuration} {@code name}/{@code owner}/{@code creationDate} and the supplementary configuration
 * Config records beside it ({@code BucketPolicy.policyText}, {@code BucketTaggingConfiguration},
 * {@code AccessControlList} as a JSON string, versioning, logging), as in AWS's bucket items
 * (https://docs.aws.amazon.com/config/latest/developerguide/config-item-table.html). Buckets have no ACL grants here
 * beyond the owner's full control.
 */
final class BucketConfigurations {
    private final Buckets buckets;

    private BucketConfigurations(Buckets buckets) {
        this.buckets = buckets;
    }

    static void register(EmulatorContext context, Buckets buckets) {
        BucketConfigurations answers = new BucketConfigurations(buckets);
        context.bus().handle(DescribeResourceConfigurations.class, "AWS::S3::Bucket", answers::describe);
    }

    private DescribeResourceConfigurations.Result describe(DescribeResourceConfigurations q) {
        List<Resource> out = buckets.all().stream()
                .filter(b -> b.ownerAccount().equals(q.accountId()) && b.region().equals(q.region()))
                .sorted(Comparator.comparing(Bucket::created).thenComparing(Bucket::name))
                .map(BucketConfigurations::resource).toList();
        return new DescribeResourceConfigurations.Result(out);
    }

    private static Resource resource(Bucket b) {
        String owner = BucketOperations.ownerId(b.ownerAccount());
        ObjectNode configuration = Json.object().put("name", b.name());
        configuration.putObject("owner").putNull("displayName").put("id", owner);
        configuration.put("creationDate", b.created().toString());
        ObjectNode supplementary = Json.object();
        ObjectNode acl = Json.object().putNull("grantSet");
        acl.putArray("grantList").addObject().put("permission", "FullControl").putObject("grantee")
                .put("id", owner).putNull("displayName");
        acl.putObject("owner").putNull("displayName").put("id", owner);
        acl.put("isRequesterCharged", false);
        supplementary.put("AccessControlList", Json.write(acl));
        supplementary.putObject("BucketLoggingConfiguration").putNull("destinationBucketName")
                .putNull("logFilePrefix");
        supplementary.putObject("BucketPolicy").put("policyText", b.policy());
        if (!b.tags().isEmpty()) {
            ObjectNode tags = supplementary.putObject("BucketTaggingConfiguration").putArray("tagSets").addObject()
                    .putObject("tags");
            b.tags().forEach(tags::put);
        }
        supplementary.putObject("BucketVersioningConfiguration").put("status", "Off")
                .putNull("isMfaDeleteEnabled");
        supplementary.put("IsRequesterPaysEnabled", false);
        return new Resource(b.name(), b.name(), "arn:aws:s3:::" + b.name(), "Regional", b.created(), b.tags(),
                configuration, supplementary, List.of());
    }
}
