package io.selfheal.emulator.services.config.managed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.services.config.ConfigurationItemListener;
import io.selfheal.emulator.services.config.ConfigurationItems;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Configuration items in AWS's notification shape, as a custom rule's {@code invokingEvent} carries them
 * (https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config_develop-rules_example-events.html), and
 * an in-memory {@link ConfigurationItems} for the rules that look at related resources.
 */
final class ConfigItemFixtures implements ConfigurationItems {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";

    private final Map<String, ObjectNode> latest = new LinkedHashMap<>();

    ConfigItemFixtures with(ObjectNode item) {
        latest.put(item.path("resourceType").asText() + "/" + item.path("resourceId").asText(), item);
        return this;
    }

    @Override
    public ObjectNode latest(String accountId, String region, String resourceType, String resourceId) {
        return latest.get(resourceType + "/" + resourceId);
    }

    @Override
    public List<ObjectNode> current(String accountId, String region, String resourceType) {
        List<ObjectNode> found = new ArrayList<>();
        latest.values().stream().filter(i -> i.path("resourceType").asText().equals(resourceType)).forEach(found::add);
        return found;
    }

    @Override
    public ObjectNode oversizedNotification(String accountId, String region, String resourceType, String resourceId) {
        return null;
    }

    @Override
    public void onChange(ConfigurationItemListener listener) {
    }

    /** A full item around a {@code configuration} written as JSON. */
    static ObjectNode item(String resourceType, String resourceId, String configurationJson) {
        ObjectNode item = Json.object();
        item.put("configurationItemVersion", "1.3");
        item.put("configurationItemCaptureTime", "2026-12-07T10:00:00.000Z");
        item.put("configurationStateId", 1733565600000L);
        item.put("awsAccountId", ACCOUNT);
        item.put("configurationItemStatus", "OK");
        item.put("resourceType", resourceType);
        item.put("resourceId", resourceId);
        item.putNull("resourceName");
        item.put("awsRegion", REGION);
        item.put("availabilityZone", "Not Applicable");
        item.putObject("tags");
        item.putArray("relationships");
        item.set("configuration", parse(configurationJson));
        item.putObject("supplementaryConfiguration");
        item.put("configurationStateMd5Hash", "");
        return item;
    }

    static ObjectNode deleted(ObjectNode item) {
        ObjectNode copy = item.deepCopy();
        copy.put("configurationItemStatus", "ResourceDeleted");
        copy.putNull("configuration");
        return copy;
    }

    /** A VPC security group item (DescribeSecurityGroups shape) with these inbound permissions. */
    static ObjectNode securityGroup(String groupName, ObjectNode... ingress) {
        ObjectNode configuration = Json.object();
        configuration.put("description", "test group");
        configuration.put("groupName", groupName);
        ArrayNode permissions = configuration.putArray("ipPermissions");
        for (ObjectNode p : ingress) {
            permissions.add(p);
        }
        configuration.put("ownerId", ACCOUNT);
        configuration.put("groupId", "sg-0123456789abcdef0");
        configuration.putArray("ipPermissionsEgress").add(permission("-1", null, null, "0.0.0.0/0"));
        configuration.putArray("tags");
        configuration.put("vpcId", "vpc-0a1b2c3d");
        return item("AWS::EC2::SecurityGroup", "sg-0123456789abcdef0", configuration.toString());
    }

    /** An instance item (DescribeInstances shape) in a state, with or without a public address and monitoring. */
    static ObjectNode instance(String id, String state, String publicIp, String monitoring) {
        String association = publicIp == null ? "" : """
                "association": {"ipOwnerId": "amazon", "publicDnsName": "ec2-x.compute-1.amazonaws.com",
                                "publicIp": "%s"},""".formatted(publicIp);
        return item("AWS::EC2::Instance", id, """
                {"amiLaunchIndex": 0, "imageId": "ami-0abcdef1234567890", "instanceId": "%s",
                 "instanceType": "t3.micro", "monitoring": {"state": "%s"},
                 "privateIpAddress": "172.31.16.10", %s "state": {"code": 16, "name": "%s"},
                 "subnetId": "subnet-0a1b2c3d", "vpcId": "vpc-0a1b2c3d",
                 "networkInterfaces": [{%s "networkInterfaceId": "eni-0a1b2c3d", "privateIpAddress": "172.31.16.10",
                                        "status": "in-use"}],
                 "blockDeviceMappings": [], "tags": []}
                """.formatted(id, monitoring, publicIp == null ? "" : "\"publicIpAddress\": \"" + publicIp + "\",",
                state, association));
    }

    /** A volume item (DescribeVolumes shape), attached to an instance when {@code instanceId} is not null. */
    static ObjectNode volume(String instanceId, boolean deleteOnTermination, boolean encrypted, String kmsKeyId) {
        String attachments = instanceId == null ? "[]" : """
                [{"attachTime": "2026-12-07T09:00:00.000Z", "device": "/dev/xvda", "instanceId": "%s",
                  "state": "attached", "volumeId": "vol-0a1b2c3d", "deleteOnTermination": %s}]
                """.formatted(instanceId, deleteOnTermination);
        return item("AWS::EC2::Volume", "vol-0a1b2c3d", """
                {"attachments": %s, "availabilityZone": "us-east-1a", "createTime": "2026-12-07T09:00:00.000Z",
                 "encrypted": %s, "kmsKeyId": %s, "size": 8, "snapshotId": "", "state": "%s",
                 "volumeId": "vol-0a1b2c3d", "iops": 3000, "volumeType": "gp3", "tags": []}
                """.formatted(attachments, encrypted, kmsKeyId == null ? "null" : "\"" + kmsKeyId + "\"",
                instanceId == null ? "available" : "in-use"));
    }

    /**
     * One permission as Config records it: IPv4 sources twice ({@code ipv4Ranges[].cidrIp} and {@code ipRanges}),
     * IPv6 in {@code ipv6Ranges[].cidrIpv6}; no ports for all-traffic.
     */
    static ObjectNode permission(String protocol, Integer from, Integer to, String... cidrs) {
        ObjectNode p = Json.object();
        if (from != null) {
            p.put("fromPort", from);
        }
        p.put("ipProtocol", protocol);
        ArrayNode v6 = p.putArray("ipv6Ranges");
        p.putArray("prefixListIds");
        if (to != null) {
            p.put("toPort", to);
        }
        p.putArray("userIdGroupPairs");
        ArrayNode v4 = p.putArray("ipv4Ranges");
        ArrayNode legacy = p.putArray("ipRanges");
        for (String cidr : cidrs) {
            if (cidr.contains(":")) {
                v6.addObject().put("cidrIpv6", cidr);
            } else {
                v4.addObject().put("cidrIp", cidr);
                legacy.add(cidr);
            }
        }
        return p;
    }

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) Json.parse(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
