package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * VPC, subnet, security group, network interface, volume and snapshot trees in EC2's XML names (each Describe call's
 * response example in the API reference). Callers hold the region's monitor.
 */
final class NetXml {
    private NetXml() {
    }

    static ObjectNode vpc(Vpc v) {
        ObjectNode n = Json.object().put("vpcId", v.vpcId).put("ownerId", v.ownerId).put("state", "available")
                .put("cidrBlock", v.cidrBlock);
        ObjectNode assoc = n.putArray("cidrBlockAssociationSet").addObject()
                .put("associationId", v.cidrAssociationId).put("cidrBlock", v.cidrBlock);
        assoc.putObject("cidrBlockState").put("state", "associated");
        n.put("dhcpOptionsId", v.dhcpOptionsId).put("instanceTenancy", "default").put("isDefault", v.isDefault);
        n.set("tagSet", InstanceXml.tagSet(v.tags()));
        return n;
    }

    static ObjectNode subnet(Subnet s) {
        ObjectNode n = Json.object().put("subnetId", s.subnetId).put("subnetArn", s.arn()).put("state", "available")
                .put("ownerId", s.ownerId).put("vpcId", s.vpcId).put("cidrBlock", s.cidrBlock)
                .put("availableIpAddressCount", s.availableIpAddressCount())
                .put("availabilityZone", s.availabilityZone)
                .put("defaultForAz", s.defaultForAz)
                .put("mapPublicIpOnLaunch", s.mapPublicIpOnLaunch)
                .put("assignIpv6AddressOnCreation", false);
        n.set("tagSet", InstanceXml.tagSet(s.tags()));
        return n;
    }

    static ObjectNode securityGroup(SecurityGroup g) {
        ObjectNode n = Json.object().put("ownerId", g.ownerId).put("groupId", g.groupId)
                .put("groupName", g.groupName).put("groupDescription", g.description).put("vpcId", g.vpcId);
        n.set("ipPermissions", permissions(g.rules(false)));
        n.set("ipPermissionsEgress", permissions(g.rules(true)));
        n.set("tagSet", InstanceXml.tagSet(g.tags()));
        n.put("securityGroupArn", g.arn());
        return n;
    }

    /**
     * Rules folded back into IpPermissions: one per protocol and port range, in first-authorized order, with each
     * peer in its list (ipRanges, ipv6Ranges, prefixListIds, groups), as DescribeSecurityGroups shows them.
     */
    static ArrayNode permissions(List<SecurityGroupRule> rules) {
        Map<List<Object>, List<SecurityGroupRule>> byRange = new LinkedHashMap<>();
        for (SecurityGroupRule r : rules) {
            byRange.computeIfAbsent(java.util.Arrays.asList(r.protocol, r.fromPort, r.toPort), k -> new ArrayList<>())
                    .add(r);
        }
        ArrayNode set = Json.array();
        byRange.values().forEach(same -> set.add(permission(same)));
        return set;
    }

    static ObjectNode permission(List<SecurityGroupRule> same) {
        SecurityGroupRule first = same.get(0);
        ObjectNode p = Json.object().put("ipProtocol", first.protocol);
        if (first.fromPort != null) {
            p.put("fromPort", first.fromPort).put("toPort", first.toPort);
        }
        ArrayNode groups = p.putArray("groups");
        ArrayNode ipRanges = p.putArray("ipRanges");
        ArrayNode ipv6Ranges = p.putArray("ipv6Ranges");
        ArrayNode prefixLists = p.putArray("prefixListIds");
        for (SecurityGroupRule r : same) {
            if (r.cidrIpv4 != null) {
                described(ipRanges.addObject().put("cidrIp", r.cidrIpv4), r.description);
            } else if (r.cidrIpv6 != null) {
                described(ipv6Ranges.addObject().put("cidrIpv6", r.cidrIpv6), r.description);
            } else if (r.prefixListId != null) {
                described(prefixLists.addObject().put("prefixListId", r.prefixListId), r.description);
            } else {
                described(groups.addObject().put("userId", r.referencedUserId).put("groupId", r.referencedGroupId),
                        r.description);
            }
        }
        return p;
    }

    private static void described(ObjectNode n, String description) {
        if (description != null) {
            n.put("description", description);
        }
    }

    /** A SecurityGroupRule of DescribeSecurityGroupRules and of Authorize…'s securityGroupRuleSet. */
    static ObjectNode rule(SecurityGroupRule r) {
        SecurityGroup g = r.group;
        ObjectNode n = Json.object().put("securityGroupRuleId", r.ruleId).put("groupId", g.groupId)
                .put("groupOwnerId", g.ownerId).put("isEgress", r.egress).put("ipProtocol", r.protocol)
                .put("fromPort", Objects.requireNonNullElse(r.fromPort, -1))
                .put("toPort", Objects.requireNonNullElse(r.toPort, -1));
        if (r.cidrIpv4 != null) {
            n.put("cidrIpv4", r.cidrIpv4);
        } else if (r.cidrIpv6 != null) {
            n.put("cidrIpv6", r.cidrIpv6);
        } else if (r.prefixListId != null) {
            n.put("prefixListId", r.prefixListId);
        } else {
            n.putObject("referencedGroupInfo").put("groupId", r.referencedGroupId).put("userId", r.referencedUserId);
        }
        described(n, r.description);
        n.set("tagSet", InstanceXml.tagSet(r.tags()));
        n.put("securityGroupRuleArn",
                "arn:aws:ec2:" + g.region + ":" + g.ownerId + ":security-group-rule/" + r.ruleId);
        return n;
    }

    static ArrayNode groupSet(List<SecurityGroup> groups) {
        ArrayNode set = Json.array();
        groups.forEach(g -> set.addObject().put("groupId", g.groupId).put("groupName", g.groupName));
        return set;
    }

    /** DescribeNetworkInterfaces' item; {@link #instanceInterface} is the shorter form inside an instance. */
    static ObjectNode networkInterface(NetworkInterface e) {
        ObjectNode n = Json.object().put("networkInterfaceId", e.networkInterfaceId)
                .put("subnetId", e.subnet.subnetId).put("vpcId", e.subnet.vpcId)
                .put("availabilityZone", e.subnet.availabilityZone).put("description", e.description)
                .put("ownerId", e.subnet.ownerId).put("requesterManaged", false).put("status", e.status())
                .put("macAddress", e.macAddress).put("privateIpAddress", e.privateIpAddress)
                .put("privateDnsName", e.privateDnsName).put("sourceDestCheck", true)
                .put("interfaceType", "interface");
        if (e.association != null) {
            n.set("association", association(e.association, true));
        }
        n.set("groupSet", groupSet(e.groups));
        if (e.attachment != null) {
            n.set("attachment", attachment(e).put("instanceId", e.instanceId())
                    .put("instanceOwnerId", e.subnet.ownerId));
        }
        n.set("tagSet", InstanceXml.tagSet(e.tags()));
        privateAddresses(n, e, true);
        return n;
    }

    static ObjectNode instanceInterface(NetworkInterface e) {
        ObjectNode n = Json.object().put("networkInterfaceId", e.networkInterfaceId)
                .put("subnetId", e.subnet.subnetId).put("vpcId", e.subnet.vpcId).put("description", e.description)
                .put("ownerId", e.subnet.ownerId).put("status", e.status()).put("macAddress", e.macAddress)
                .put("privateIpAddress", e.privateIpAddress).put("privateDnsName", e.privateDnsName)
                .put("sourceDestCheck", true).put("interfaceType", "interface");
        n.set("groupSet", groupSet(e.groups));
        n.set("attachment", attachment(e));
        if (e.association != null) {
            n.set("association", association(e.association, false));
        }
        privateAddresses(n, e, false);
        return n;
    }

    /** The one private address, with its public one when it has one. */
    private static void privateAddresses(ObjectNode n, NetworkInterface e, boolean withIds) {
        ObjectNode primary = n.putArray("privateIpAddressesSet").addObject()
                .put("privateIpAddress", e.privateIpAddress).put("privateDnsName", e.privateDnsName)
                .put("primary", true);
        if (e.association != null) {
            primary.set("association", association(e.association, withIds));
        }
    }

    /**
     * NetworkInterfaceAssociation (DescribeNetworkInterfaces: with an Elastic IP's allocation and association ids) or
     * InstanceNetworkInterfaceAssociation (inside an instance: address, DNS name and owner only).
     */
    private static ObjectNode association(NetworkInterface.Association a, boolean withIds) {
        ObjectNode n = Json.object().put("publicIp", a.publicIp()).put("publicDnsName", a.publicDnsName())
                .put("ipOwnerId", a.ipOwnerId());
        if (withIds && a.elasticIp() != null) {
            n.put("allocationId", a.elasticIp().allocationId).put("associationId", a.elasticIp().associationId);
        }
        return n;
    }

    private static ObjectNode attachment(NetworkInterface e) {
        NetworkInterface.Attachment a = e.attachment;
        return Json.object().put("attachmentId", a.attachmentId()).put("deviceIndex", a.deviceIndex())
                .put("status", "attached")
                .put("attachTime", InstanceXml.time(a.attachTime())).put("deleteOnTermination", a.deleteOnTermination())
                .put("networkCardIndex", 0);
    }

    /** An instance's blockDeviceMapping item. */
    static ObjectNode blockDevice(Volume v) {
        ObjectNode n = Json.object().put("deviceName", v.device);
        n.putObject("ebs").put("volumeId", v.volumeId).put("status", "attached")
                .put("attachTime", InstanceXml.time(v.attachTime)).put("deleteOnTermination", v.deleteOnTermination);
        return n;
    }

    static ObjectNode volume(Volume v) {
        ObjectNode n = Json.object().put("volumeId", v.volumeId).put("size", v.size)
                .put("snapshotId", v.snapshotId == null ? "" : v.snapshotId)
                .put("availabilityZone", v.availabilityZone).put("status", v.status())
                .put("createTime", InstanceXml.time(v.createTime));
        ArrayNode attachments = n.putArray("attachmentSet");
        if (v.instanceId != null) {
            attachments.addObject().put("volumeId", v.volumeId).put("instanceId", v.instanceId)
                    .put("device", v.device).put("status", "attached")
                    .put("attachTime", InstanceXml.time(v.attachTime))
                    .put("deleteOnTermination", v.deleteOnTermination);
        }
        n.put("volumeType", v.volumeType);
        if (v.iops != null) {
            n.put("iops", v.iops);
        }
        if (v.throughput != null) {
            n.put("throughput", v.throughput);
        }
        n.put("encrypted", v.encrypted).put("multiAttachEnabled", false);
        if (v.kmsKeyId != null) {
            n.put("kmsKeyId", v.kmsKeyId);
        }
        n.set("tagSet", InstanceXml.tagSet(v.tags()));
        return n;
    }

    /** DescribeSnapshots' item and CreateSnapshot's result (which are the same fields at the top level). */
    static ObjectNode snapshot(Snapshot s) {
        ObjectNode n = Json.object().put("snapshotId", s.snapshotId).put("volumeId", s.volumeId)
                .put("status", s.state).put("startTime", InstanceXml.time(s.startTime))
                .put("progress", s.progress()).put("ownerId", s.ownerId).put("volumeSize", s.volumeSize)
                .put("description", s.description).put("encrypted", s.encrypted).put("storageTier", "standard");
        n.set("tagSet", InstanceXml.tagSet(s.tags()));
        return n;
    }

    /** CreateSnapshots' SnapshotInfo, which names the state {@code state}, not {@code status}. */
    static ObjectNode snapshotInfo(Snapshot s) {
        ObjectNode n = Json.object().put("snapshotId", s.snapshotId).put("volumeId", s.volumeId)
                .put("state", s.state).put("startTime", InstanceXml.time(s.startTime))
                .put("progress", s.progress()).put("ownerId", s.ownerId).put("volumeSize", s.volumeSize)
                .put("description", s.description).put("encrypted", s.encrypted);
        n.set("tagSet", InstanceXml.tagSet(s.tags()));
        return n;
    }
}
