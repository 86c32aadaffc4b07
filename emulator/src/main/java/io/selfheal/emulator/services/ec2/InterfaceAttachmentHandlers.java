package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.List;

/**
 * CreateNetworkInterface, AttachNetworkInterface, DetachNetworkInterface and DeleteNetworkInterface (EC2 API
 * reference), with the refusals AWS answers: an interface attached elsewhere
 * ({@code InvalidNetworkInterface.InUse}), a device index taken, the primary interface detached
 * ({@code OperationNotPermitted}), an attached interface deleted ({@code InvalidParameterValue} "… is currently in
 * use.").
 */
final class InterfaceAttachmentHandlers {
    /** Device indexes an instance accepts; real limits depend on the type, 15 is the largest types' count. */
    private static final int MAX_DEVICE_INDEX = 15;

    private final EmulatorContext context;
    private final RegionalStore<Ec2Region> store;

    InterfaceAttachmentHandlers(EmulatorContext context, RegionalStore<Ec2Region> store) {
        this.context = context;
        this.store = store;
    }

    JsonNode createNetworkInterface(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        String subnetId = p.string("SubnetId");
        if (subnetId == null) {
            throw p.errors().missing("SubnetId");
        }
        var tags = Tags.specified(p, "network-interface");
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            Subnet subnet = ResourceKind.SUBNET.resolve(region.subnets, subnetId);
            List<SecurityGroup> groups = LaunchNetwork.groups(p, region, subnet);
            Ec2Errors.checkDryRun(p);
            NetworkInterface eni = LaunchNetwork.create(region, subnet, p.string("PrivateIpAddress"),
                    p.string("Description", ""), groups, tags);
            ObjectNode result = Json.object();
            result.set("networkInterface", NetXml.networkInterface(eni));
            return result;
        }
    }

    JsonNode attachNetworkInterface(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        String eniId = p.required("NetworkInterfaceId");
        String instanceId = p.required("InstanceId");
        Integer deviceIndex = p.integer("DeviceIndex");
        if (deviceIndex == null) {
            throw p.errors().missing("DeviceIndex");
        }
        if (deviceIndex < 0 || deviceIndex > MAX_DEVICE_INDEX) {
            throw Ec2Errors.invalidParameter("Invalid value '" + deviceIndex + "' for deviceIndex.");
        }
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            NetworkInterface eni = ResourceKind.NETWORK_INTERFACE.resolve(region.networkInterfaces, eniId);
            Instance instance = InstanceIds.resolve(region, List.of(instanceId)).get(0);
            if (eni.attachment != null) {
                throw LaunchNetwork.inUse(eni);
            }
            if (instance.state == InstanceState.TERMINATED || instance.state == InstanceState.SHUTTING_DOWN) {
                throw Ec2Errors.incorrectState("The instance '" + instanceId + "' is not in a valid state for this "
                        + "operation.");
            }
            if (!eni.subnet.availabilityZone.equals(instance.availabilityZone)) {
                throw Ec2Errors.invalidParameter("You may not attach a network interface to an instance if they are "
                        + "not in the same availability zone");
            }
            if (instance.interfaces.stream().anyMatch(e -> e.attachment.deviceIndex() == deviceIndex)) {
                throw Ec2Errors.invalidParameter("Instance '" + instanceId
                        + "' already has an interface attached at device index '" + deviceIndex + "'.");
            }
            Ec2Errors.checkDryRun(p);
            // Interfaces attached after launch stay when the instance is terminated (attachment's default false).
            LaunchNetwork.attach(region, instance, eni, deviceIndex, false, context.clock().now());
            return Json.object().put("attachmentId", eni.attachment.attachmentId()).put("networkCardIndex", 0);
        }
    }

    JsonNode detachNetworkInterface(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        String attachmentId = p.required("AttachmentId");
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            NetworkInterface eni = region.networkInterfaces.values().stream()
                    .filter(e -> e.attachment != null && e.attachment.attachmentId().equals(attachmentId))
                    .findFirst().orElseThrow(() -> AwsException.badRequest("InvalidAttachmentID.NotFound",
                            "The attachment ID '" + attachmentId + "' does not exist"));
            if (eni.attachment.deviceIndex() == 0) {
                throw AwsException.badRequest("OperationNotPermitted",
                        "The network interface at device index 0 and networkCard index 0 cannot be detached.");
            }
            Ec2Errors.checkDryRun(p);
            region.get(eni.instanceId()).interfaces.remove(eni);
            eni.attachment = null;
        }
        return Json.object().put("return", true);
    }

    JsonNode deleteNetworkInterface(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        String eniId = p.required("NetworkInterfaceId");
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            NetworkInterface eni = ResourceKind.NETWORK_INTERFACE.resolve(region.networkInterfaces, eniId);
            if (eni.attachment != null) {
                throw Ec2Errors.invalidParameter("Network interface '" + eniId + "' is currently in use.");
            }
            Ec2Errors.checkDryRun(p);
            region.networkInterfaces.remove(eniId);
            eni.subnet.release(eni.privateIpAddress);
            PublicAddresses.deleted(region, eni);
        }
        return Json.object().put("return", true);
    }
}
