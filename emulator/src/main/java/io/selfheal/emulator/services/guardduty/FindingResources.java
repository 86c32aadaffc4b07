package io.selfheal.emulator.services.guardduty;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.DescribeInstance;
import java.util.List;
import java.util.Map;

/**
 * {@code resource} of a finding: the instance as EC2 describes it now (every interface with its addresses, subnet,
 * VPC and groups; tags; image; launch time; instance profile), or the placeholders of a sample finding.
 */
final class FindingResources {
    /** The placeholder instance of sample findings (AWS's samples name {@code i-99999999}). */
    static final String SAMPLE_INSTANCE = "i-99999999";

    private FindingResources() {
    }

    static ObjectNode of(FindingType type, DescribeInstance.Instance instance, String accountId) {
        ObjectNode resource = Json.object().put("resourceType", type.resource().wireName);
        if (type.resource() == FindingType.ResourceKind.ACCESS_KEY) {
            resource.set("accessKeyDetails", accessKey(instance, accountId));
        }
        resource.set("instanceDetails", instanceDetails(instance));
        return resource;
    }

    static ObjectNode sample(FindingType type, String accountId) {
        var eni = new DescribeInstance.NetworkInterface("eni-bfcffe88", "GeneratedFindingSubnetId",
                "GeneratedFindingVPCId", "10.0.0.1", "GeneratedFindingPrivateDnsName", "0e:00:00:00:00:01",
                List.of(new DescribeInstance.SecurityGroup("GeneratedFindingSecurityId",
                        "GeneratedFindingSecurityGroupName")), "198.51.100.0", "GeneratedFindingPublicDNSName");
        var instance = new DescribeInstance.Instance(SAMPLE_INSTANCE, "running", "m3.xlarge", "ami-99999999",
                "GeneratedFindingVPCId", "GeneratedFindingSubnetId", "GeneratedFindingInstaceAvailabilityZone",
                "10.0.0.1", "GeneratedFindingPrivateDnsName", java.time.Instant.parse("2016-08-02T02:05:06Z"),
                Map.of("GeneratedFindingInstaceTag1", "GeneratedFindingInstaceValue1"), List.of(eni),
                new DescribeInstance.IamInstanceProfile("arn:aws:iam::" + accountId
                        + ":instance-profile/GeneratedFindingInstanceProfile", "GeneratedFindingInstanceProfileId"));
        return of(type, instance, accountId);
    }

    /** The role session an instance's credentials belong to, as IAM names it ({@code AROA…:i-…}). */
    private static ObjectNode accessKey(DescribeInstance.Instance instance, String accountId) {
        String role = roleName(instance);
        return Json.object().put("accessKeyId", "ASIA" + suffix(instance.instanceId()))
                .put("principalId", "AROA" + suffix(role) + ":" + instance.instanceId())
                .put("userName", role).put("userType", "AssumedRole");
    }

    /** The instance profile's name stands for its role: EC2 shows profiles, not roles. */
    static String roleName(DescribeInstance.Instance instance) {
        if (instance.iamInstanceProfile() == null) {
            return null;
        }
        String arn = instance.iamInstanceProfile().arn();
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** 16 upper-case characters derived from a name, for ids that only have to look like IAM's. */
    private static String suffix(String name) {
        String hex = String.format("%016X", (long) name.hashCode() * 0x9E3779B97F4A7C15L);
        return hex.substring(hex.length() - 16);
    }

    private static ObjectNode instanceDetails(DescribeInstance.Instance i) {
        ObjectNode d = Json.object().put("instanceId", i.instanceId()).put("instanceType", i.instanceType())
                .put("instanceState", i.state()).put("availabilityZone", i.availabilityZone())
                .put("imageId", i.imageId())
                .put("launchTime", i.launchTime() == null ? null : Finding.timestamp(i.launchTime()));
        if (i.iamInstanceProfile() != null) {
            d.putObject("iamInstanceProfile").put("arn", i.iamInstanceProfile().arn())
                    .put("id", i.iamInstanceProfile().id());
        }
        d.putArray("productCodes");
        ArrayNode interfaces = d.putArray("networkInterfaces");
        for (DescribeInstance.NetworkInterface eni : i.networkInterfaces()) {
            ObjectNode n = interfaces.addObject().put("networkInterfaceId", eni.networkInterfaceId())
                    .put("privateDnsName", eni.privateDnsName()).put("privateIpAddress", eni.privateIpAddress());
            n.putArray("privateIpAddresses").addObject().put("privateDnsName", eni.privateDnsName())
                    .put("privateIpAddress", eni.privateIpAddress());
            n.putArray("ipv6Addresses");
            n.put("subnetId", eni.subnetId()).put("vpcId", eni.vpcId());
            if (eni.publicIp() != null) {
                n.put("publicIp", eni.publicIp()).put("publicDnsName", eni.publicDnsName());
            }
            ArrayNode groups = n.putArray("securityGroups");
            eni.securityGroups().forEach(g -> groups.addObject().put("groupId", g.groupId())
                    .put("groupName", g.groupName()));
        }
        ArrayNode tags = d.putArray("tags");
        new java.util.TreeMap<>(i.tags()).forEach((k, v) -> tags.addObject().put("key", k).put("value", v));
        return d;
    }
}
