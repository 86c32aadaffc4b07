package io.selfheal.emulator.services.ec2;

import io.selfheal.emulator.service.Params;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The {@code Filter.N} names of DescribeInstances, as its API reference lists them, each read from the same fields
 * that {@link InstanceXml} renders, so a filter matches exactly what the response shows. Values of one filter are
 * OR'd, filters AND'd, and values may use {@code *} and {@code ?} ({@code \} escapes them); parsing and
 * {@code tag:K}/{@code tag-key}/{@code tag-value} are {@link ResourceFilter}'s. Documented filters on what the
 * emulator never has (Spot, Dedicated Hosts, IPv6, ...) are accepted and match nothing, as on AWS
 * for an account without such instances; an undocumented name is refused with InvalidParameterValue "The filter
 * 'x' is invalid".
 */
final class InstanceFilter {
    private static final Map<String, Function<Instance, Collection<String>>> FIELDS = new TreeMap<>();

    static {
        field("instance-id", i -> i.instanceId);
        field("reservation-id", i -> i.reservationId);
        field("owner-id", i -> i.accountId);
        field("image-id", i -> i.imageId);
        field("instance-type", i -> i.instanceType);
        field("key-name", i -> i.keyName);
        field("client-token", i -> i.clientToken);
        field("launch-index", i -> i.amiLaunchIndex);
        field("launch-time", i -> InstanceXml.time(i.launchTime));
        field("instance-state-name", i -> i.state.wireName());
        field("instance-state-code", i -> i.state.code());
        field("reason", i -> i.stateTransitionReason.isEmpty() ? null : i.stateTransitionReason);
        field("state-reason-code", i -> i.stateReasonCode);
        field("state-reason-message", i -> i.stateReasonCode == null ? null
                : i.stateReasonCode + ": User initiated shutdown");
        field("monitoring-state", i -> i.telemetry.monitoring.wireName());
        field("availability-zone", i -> i.availabilityZone);
        field("tenancy", i -> "default");
        field("subnet-id", i -> i.subnetId);
        field("vpc-id", i -> i.vpcId);
        field("private-ip-address", i -> i.privateIpAddress);
        field("private-dns-name", i -> i.privateDnsName);
        field("source-dest-check", i -> true);
        field("architecture", i -> "x86_64");
        field("hypervisor", i -> "xen");
        field("virtualization-type", i -> "hvm");
        field("root-device-type", i -> "ebs");
        field("root-device-name", i -> "/dev/xvda");
        field("hibernation-options.configured", i -> false);
        FIELDS.put("instance.group-id", i -> i.groups().stream().map(g -> g.groupId).toList());
        FIELDS.put("instance.group-name", i -> i.groups().stream().map(g -> g.groupName).toList());
        volumes("block-device-mapping.volume-id", v -> v.volumeId);
        volumes("block-device-mapping.device-name", v -> v.device);
        volumes("block-device-mapping.status", v -> "attached");
        volumes("block-device-mapping.attach-time", v -> InstanceXml.time(v.attachTime));
        volumes("block-device-mapping.delete-on-termination", v -> v.deleteOnTermination);
        networkInterfaceFields();
        publicAddressFields();
        for (String none : List.of("affinity", "capacity-reservation-id", "host-id",
                "iam-instance-profile.arn", "instance-lifecycle", "ipv6-address", "kernel-id",
                "ramdisk-id", "outpost-arn", "placement-group-name", "placement-partition-number", "platform",
                "product-code", "product-code.type", "requester-id", "spot-instance-request-id",
                "network-interface.ipv6-addresses.ipv6-address", "network-interface.requester-id")) {
            FIELDS.put(none, i -> List.of());
        }
    }

    private InstanceFilter() {
    }

    /** The filters of one request as a single predicate. */
    static Predicate<Instance> parse(Params p) {
        return ResourceFilter.parse(p, FIELDS);
    }

    /** The primary (and only) interface's filters: {@code network-interface.*}. */
    private static void networkInterfaceFields() {
        eni("network-interface.network-interface-id", e -> e.networkInterfaceId);
        eni("network-interface.subnet-id", e -> e.subnet.subnetId);
        eni("network-interface.vpc-id", e -> e.subnet.vpcId);
        eni("network-interface.availability-zone", e -> e.subnet.availabilityZone);
        eni("network-interface.owner-id", e -> e.subnet.ownerId);
        eni("network-interface.mac-address", e -> e.macAddress);
        eni("network-interface.private-dns-name", e -> e.privateDnsName);
        eni("network-interface.addresses.private-ip-address", e -> e.privateIpAddress);
        eni("network-interface.addresses.primary", e -> true);
        eni("network-interface.status", NetworkInterface::status);
        eni("network-interface.source-dest-check", e -> true);
        eni("network-interface.requester-managed", e -> false);
        eni("network-interface.attachment.attachment-id", e -> e.attachment.attachmentId());
        eni("network-interface.attachment.instance-id", NetworkInterface::instanceId);
        eni("network-interface.attachment.instance-owner-id", e -> e.subnet.ownerId);
        eni("network-interface.attachment.device-index", e -> e.attachment.deviceIndex());
        eni("network-interface.attachment.status", e -> "attached");
        eni("network-interface.attachment.attach-time", e -> InstanceXml.time(e.attachment.attachTime()));
        eni("network-interface.attachment.delete-on-termination", e -> e.attachment.deleteOnTermination());
        eni("network-interface.description", e -> e.description);
        FIELDS.put("network-interface.group-id", i -> i.interfaces.stream()
                .flatMap(e -> e.groupIds().stream()).toList());
        FIELDS.put("network-interface.group-name", i -> i.interfaces.stream()
                .flatMap(e -> e.groups.stream().map(g -> g.groupName)).toList());
    }

    /** The instance's public address and every interface's ({@code network-interface.association.*}). */
    private static void publicAddressFields() {
        field("ip-address", i -> i.publicAddress() == null ? null : i.publicAddress().publicIp());
        field("dns-name", i -> i.publicAddress() == null || i.publicAddress().publicDnsName().isEmpty() ? null
                : i.publicAddress().publicDnsName());
        for (String prefix : List.of("network-interface.association.", "network-interface.addresses.association.")) {
            association(prefix + "public-ip", NetworkInterface.Association::publicIp);
            association(prefix + "ip-owner-id", NetworkInterface.Association::ipOwnerId);
        }
        association("network-interface.association.allocation-id",
                a -> a.elasticIp() == null ? null : a.elasticIp().allocationId);
        association("network-interface.association.association-id",
                a -> a.elasticIp() == null ? null : a.elasticIp().associationId);
    }

    private static void association(String name, Function<NetworkInterface.Association, String> value) {
        FIELDS.put(name, i -> i.interfaces.stream().filter(e -> e.association != null)
                .map(e -> value.apply(e.association)).filter(java.util.Objects::nonNull).toList());
    }

    private static void field(String name, Function<Instance, Object> value) {
        FIELDS.put(name, i -> ResourceFilter.one(value.apply(i)));
    }

    private static void volumes(String name, Function<Volume, Object> value) {
        FIELDS.put(name, i -> i.volumes.stream().map(v -> String.valueOf(value.apply(v))).toList());
    }

    private static void eni(String name, Function<NetworkInterface, Object> value) {
        FIELDS.put(name, i -> i.interfaces.stream().map(e -> String.valueOf(value.apply(e))).toList());
    }

    /** An EC2 filter value as a regex: {@code *} any run, {@code ?} one character, {@code \} takes the next literally. */
    static Pattern glob(String value) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                literal.append(value.charAt(++i));
            } else if (c == '*' || c == '?') {
                flush(regex, literal);
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        flush(regex, literal);
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static void flush(StringBuilder regex, StringBuilder literal) {
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }
}
