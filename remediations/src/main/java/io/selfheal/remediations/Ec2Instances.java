package io.selfheal.remediations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.Tag;

/** The EC2 calls RebootOnHighCpu makes, and instance lookups the others share, with EC2's error codes turned into meaningful outcomes. */
final class Ec2Instances {

    private static final Set<String> NOT_FOUND_CODES = Set.of("InvalidInstanceID.NotFound", "InvalidInstanceID.Malformed");
    private static final String DRY_RUN_OK = "DryRunOperation";

    private final Ec2Client ec2;

    Ec2Instances(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    /** @throws InstanceNotFoundException when EC2 does not know the instance */
    InstanceSnapshot describe(String instanceId) {
        try {
            Instance instance = ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().stream()
                    .map(Reservation::instances)
                    .flatMap(java.util.List::stream)
                    .filter(i -> instanceId.equals(i.instanceId()))
                    .findFirst()
                    .orElseThrow(() -> new InstanceNotFoundException(instanceId, "DescribeInstances returned no such instance", null));
            Map<String, String> tags = new LinkedHashMap<>();
            instance.tags().forEach(t -> tags.put(t.key(), t.value()));
            String state = instance.state() == null ? "unknown" : instance.state().nameAsString();
            return new InstanceSnapshot(instanceId, state, tags);
        } catch (Ec2Exception e) {
            throw translate(instanceId, e);
        }
    }

    void reboot(String instanceId) {
        try {
            ec2.rebootInstances(r -> r.instanceIds(instanceId));
        } catch (Ec2Exception e) {
            throw translate(instanceId, e);
        }
    }

    /**
     * Asks EC2 whether the reboot would be allowed, changing nothing. EC2 answers a permitted dry run with the
     * error {@code DryRunOperation}; a missing permission surfaces as {@code UnauthorizedOperation} and is thrown.
     */
    void rebootDryRun(String instanceId) {
        try {
            ec2.rebootInstances(r -> r.instanceIds(instanceId).dryRun(true));
        } catch (Ec2Exception e) {
            if (DRY_RUN_OK.equals(errorCode(e))) {
                return;
            }
            throw translate(instanceId, e);
        }
        // A plain success would mean the instance may really have been rebooted: never report that as a dry run.
        throw new IllegalStateException("RebootInstances with DryRun=true succeeded instead of answering "
                + DRY_RUN_OK + " for " + instanceId + ": the endpoint does not honour DryRun");
    }

    void tag(String instanceId, Map<String, String> tags) {
        try {
            ec2.createTags(r -> r.resources(instanceId)
                    .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
        } catch (Ec2Exception e) {
            throw translate(instanceId, e);
        }
    }

    private static RuntimeException translate(String instanceId, Ec2Exception e) {
        String code = errorCode(e);
        if (code != null && NOT_FOUND_CODES.contains(code)) {
            return new InstanceNotFoundException(instanceId, "EC2 answered " + code + " (request " + e.requestId() + ")", e);
        }
        return e;
    }

    /** The instance as DescribeInstances shows it, or null when EC2 does not know it. */
    static Instance find(Ec2Client ec2, String instanceId) {
        try {
            return ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().stream()
                    .flatMap(r -> r.instances().stream()).filter(i -> instanceId.equals(i.instanceId()))
                    .findFirst().orElse(null);
        } catch (Ec2Exception e) {
            if (NOT_FOUND_CODES.contains(errorCode(e))) {
                return null;
            }
            throw e;
        }
    }

    static Map<String, String> tags(Instance instance) {
        Map<String, String> tags = new LinkedHashMap<>();
        instance.tags().forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }

    static String errorCode(Ec2Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }
}
