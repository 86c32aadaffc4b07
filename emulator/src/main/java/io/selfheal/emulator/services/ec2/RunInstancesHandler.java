package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * RunInstances (API reference): launches {@code MaxCount} instances (at least {@code MinCount}) into the named subnet,
 * else the default subnet of the zone (the region's first when none is named), with the named security groups, else
 * the VPC's default group, a primary network interface and EBS volumes (a root {@code /dev/xvda} of 8 GiB gp3 unless
 * a block device mapping says otherwise), its IAM instance profile when one is named, and answers with the reservation, every instance {@code pending}. AMIs are not modelled:
 * any well-formed image id launches. The SDK sends an idempotency {@code ClientToken}; a repeated token answers with
 * the reservation it launched. A {@code LaunchTemplate} fills in what the request leaves out ({@link LaunchTemplates}).
 */
final class RunInstancesHandler {
    /** How many instances one call may launch (AWS's limit is per account and vCPU; this keeps a typo harmless). */
    static final int MAX_LAUNCH = 100;
    private static final Pattern AMI_ID = Pattern.compile("ami-([0-9a-f]{8}|[0-9a-f]{17})");
    static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9-]+");
    private static final String DEFAULT_INSTANCE_TYPE = "m1.small";

    private final EmulatorContext context;
    private final RegionalStore<Ec2Region> store;
    private final InstanceLifecycle lifecycle;

    RunInstancesHandler(EmulatorContext context, RegionalStore<Ec2Region> store, InstanceLifecycle lifecycle) {
        this.context = context;
        this.store = store;
        this.lifecycle = lifecycle;
    }

    JsonNode runInstances(RequestContext ctx, ObjectNode request) {
        LaunchTemplates.Selected template = LaunchTemplates.selected(Ec2Region.of(store, ctx), request);
        ObjectNode input = template == null ? request : LaunchTemplates.apply(request, template.version());
        Params p = new Params(input, Params.EC2);
        String imageId = p.string("ImageId");
        if (imageId == null || imageId.isEmpty()) {
            throw p.errors().missing("ImageId");
        }
        if (!AMI_ID.matcher(imageId).matches()) {
            throw Ec2Errors.amiIdMalformed(imageId);
        }
        String instanceType = p.string("InstanceType", DEFAULT_INSTANCE_TYPE);
        if (!INSTANCE_TYPE.matcher(instanceType).matches()) {
            throw Ec2Errors.invalidParameter("Invalid value '" + instanceType + "' for InstanceType.");
        }
        int count = count(p);
        Map<String, Map<String, String>> tags = launchTags(p);
        String keyName = p.string("KeyName");
        String clientToken = p.string("ClientToken");
        MonitoringState monitoring = MonitoringHandlers.atLaunch(p);
        List<BlockDevices.Spec> devices = BlockDevices.parse(p);
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            List<LaunchNetwork.Spec> network = p.objects("NetworkInterface").isEmpty()
                    ? LaunchNetwork.single(p, region, subnet(p, region, ctx.region()))
                    : LaunchNetwork.specs(p, region,
                            p.string("SubnetId") == null ? subnet(p, region, ctx.region()) : null, count);
            boolean publicIp = LaunchPublicIp.decide(p, network);
            String profileArn = InstanceProfileHandlers.profileArn(p.child("IamInstanceProfile"), ctx);
            Ec2Errors.checkDryRun(p);
            List<Instance> earlier = clientToken == null ? List.of() : region.all().stream()
                    .filter(i -> clientToken.equals(i.clientToken)).toList();
            if (!earlier.isEmpty()) {
                return InstanceXml.reservation(earlier);
            }
            String reservationId = context.ids().hex("r", 17);
            Instant now = context.clock().now();
            List<Instance> launched = new ArrayList<>();
            for (int index = 0; index < count; index++) {
                String instanceId = context.ids().hex("i", 17);
                List<NetworkInterface> enis = LaunchNetwork.interfaces(region, network, tags.get("network-interface"));
                NetworkInterface primary = enis.get(0);
                LaunchPublicIp.apply(region, primary, publicIp);
                Instance instance = new Instance(ctx.accountId(), ctx.region(), instanceId, reservationId, imageId,
                        instanceType, keyName, primary.subnet.subnetId, primary.subnet.vpcId,
                        primary.subnet.availabilityZone, primary.privateIpAddress, primary.privateDnsName, index,
                        clientToken, now);
                instance.tags.putAll(tags.get("instance"));
                if (template != null) {
                    instance.tags.putAll(template.instanceTags());
                }
                instance.telemetry.monitoring = monitoring;
                for (int k = 0; k < enis.size(); k++) {
                    LaunchNetwork.attach(region, instance, enis.get(k), network.get(k).deviceIndex(),
                            network.get(k).deleteOnTermination(), now);
                }
                if (profileArn != null) {
                    instance.profile = InstanceProfileHandlers.associate(region, instance, profileArn);
                }
                BlockDevices.attach(region, instance, devices, tags.get("volume"), now);
                region.add(instance);
                launched.add(instance);
            }
            launched.forEach(i -> lifecycle.launched(region, i));
            return InstanceXml.reservation(launched);
        }
    }

    private static int count(Params p) {
        Integer min = p.integer("MinCount");
        Integer max = p.integer("MaxCount");
        if (min == null) {
            throw p.errors().missing("MinCount");
        }
        if (max == null) {
            throw p.errors().missing("MaxCount");
        }
        if (min < 1) {
            throw p.errors().invalid("MinCount", min.toString(), "Expected a value greater than or equal to 1.");
        }
        if (max < min) {
            throw p.errors().invalid("MaxCount", max.toString(),
                    "Expected a value greater than or equal to MinCount (" + min + ").");
        }
        if (min > MAX_LAUNCH) {
            throw AwsException.badRequest("InstanceLimitExceeded", "You have requested more instances (" + min
                    + ") than your current instance limit of " + MAX_LAUNCH + " allows for the specified instance type.");
        }
        return Math.min(max, MAX_LAUNCH);
    }

    /** Tags of {@code TagSpecification.N} by resource type: the instance, its volumes, its network interface. */
    private static Map<String, Map<String, String>> launchTags(Params p) {
        Map<String, Map<String, String>> tags = new LinkedHashMap<>();
        List.of("instance", "volume", "network-interface").forEach(t -> tags.put(t, new LinkedHashMap<>()));
        for (ObjectNode spec : p.objects("TagSpecification")) {
            Params s = new Params(spec, p.errors());
            String type = s.string("ResourceType");
            if (type == null) {
                throw p.errors().missing("TagSpecification.ResourceType");
            }
            Map<String, String> parsed = Tags.parse(s.objects("Tag"), p.errors());
            switch (type) {
                case "instance", "volume", "network-interface" -> {
                    Tags.checkLimit(tags.get(type), parsed);
                    tags.get(type).putAll(parsed);
                }
                case "spot-instances-request", "elastic-gpu" -> { }
                default -> throw Ec2Errors.invalidParameter(
                        "'" + type + "' is not a valid taggable resource type for this operation.");
            }
        }
        return tags;
    }

    /** {@code SubnetId}, else the default subnet of the requested (or the region's first) Availability Zone. */
    private static Subnet subnet(Params p, Ec2Region region, String regionName) {
        String zone = availabilityZone(p, regionName);
        String subnetId = p.string("SubnetId");
        if (subnetId != null) {
            Subnet subnet = ResourceKind.SUBNET.resolve(region.subnets, subnetId);
            if (zone != null && !zone.equals(subnet.availabilityZone)) {
                throw Ec2Errors.invalidParameter("Value (" + zone + ") for parameter availabilityZone is invalid. "
                        + "Subnet '" + subnetId + "' is in the availability zone " + subnet.availabilityZone);
            }
            return subnet;
        }
        Subnet subnet = region.defaultSubnet(zone == null ? regionName + "a" : zone);
        if (subnet == null) {
            throw Ec2Errors.invalidParameter("Invalid availability zone: [" + zone + "]");
        }
        return subnet;
    }

    private static String availabilityZone(Params p, String region) {
        Params placement = p.child("Placement");
        String zone = placement == null ? null : placement.string("AvailabilityZone");
        if (zone == null || zone.isEmpty()) {
            return null;
        }
        if (!zone.startsWith(region) || zone.length() != region.length() + 1) {
            throw Ec2Errors.invalidParameter("Invalid availability zone: [" + zone + "]");
        }
        return zone;
    }

    /** us-east-1 names hosts {@code ip-….ec2.internal}; every other region {@code ip-….<region>.compute.internal}. */
    static String privateDnsName(String ip, String region) {
        String host = "ip-" + ip.replace('.', '-');
        return region.equals("us-east-1") ? host + ".ec2.internal" : host + "." + region + ".compute.internal";
    }
}
