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
import java.util.Map;

/**
 * CreateVolume, AttachVolume, DetachVolume and DeleteVolume (EC2 API reference). The account's EBS encryption by
 * default is off (AWS's default), so a volume is encrypted only when asked or made from an encrypted snapshot.
 * Transitions are immediate: a new volume is {@code available} and an attachment {@code attached} at once, which the
 * API allows (callers poll DescribeVolumes until the state they want, and find it on the first poll here).
 */
final class VolumeHandlers {
    private final EmulatorContext context;
    private final RegionalStore<Ec2Region> store;

    VolumeHandlers(EmulatorContext context, RegionalStore<Ec2Region> store) {
        this.context = context;
        this.store = store;
    }

    /** CreateVolume: like CreateSnapshot, its result is the volume itself at the top level. */
    JsonNode createVolume(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        String zone = p.required("AvailabilityZone");
        String type = BlockDevices.checkedType(p.string("VolumeType", "gp2"));
        String snapshotId = p.string("SnapshotId");
        Integer size = p.integer("Size");
        boolean encrypted = p.bool("Encrypted", false);
        String kmsKeyId = p.string("KmsKeyId");
        if (kmsKeyId != null && !encrypted) {
            throw AwsException.badRequest("InvalidParameterDependency",
                    "The parameter KmsKeyId requires the parameter Encrypted to be set.");
        }
        if (size == null && snapshotId == null) {
            throw p.errors().missing("Size");
        }
        Map<String, String> tags = Tags.specified(p, "volume");
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            if (region.defaultSubnet(zone) == null) {
                throw Ec2Errors.invalidParameter("Invalid availability zone: [" + zone + "]");
            }
            Snapshot snapshot = snapshotId == null ? null : ResourceKind.SNAPSHOT.resolve(region.snapshots, snapshotId);
            int gib = BlockDevices.checkedSize(size != null ? size : snapshot.volumeSize, type);
            if (snapshot != null && gib < snapshot.volumeSize) {
                throw Ec2Errors.invalidParameter("Volume of " + gib + "GiB is smaller than snapshot '" + snapshotId
                        + "', expect size >= " + snapshot.volumeSize + "GiB");
            }
            boolean encrypt = encrypted || snapshot != null && snapshot.encrypted;
            Ec2Errors.checkDryRun(p);
            Integer iops = p.integer("Iops");
            Integer throughput = p.integer("Throughput");
            Volume v = new Volume(context.ids().hex("vol", 17), gib, type,
                    iops != null ? iops : BlockDevices.defaultIops(type, gib),
                    throughput != null ? throughput : BlockDevices.defaultThroughput(type), encrypt, snapshotId,
                    zone, context.clock().now(), null, null, false);
            if (encrypt) {
                // Without a key EBS uses the AWS managed key aws/ebs; an id or alias is reported as an ARN.
                String key = kmsKeyId != null ? kmsKeyId : "alias/aws/ebs";
                v.kmsKeyId = key.startsWith("arn:") ? key
                        : ctx.arn("kms", key.startsWith("alias/") ? key : "key/" + key);
            }
            v.tags().putAll(tags);
            region.volumes.put(v.volumeId, v);
            return NetXml.volume(v);
        }
    }

    JsonNode attachVolume(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        String device = p.required("Device");
        String instanceId = p.required("InstanceId");
        String volumeId = p.required("VolumeId");
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            Volume v = ResourceKind.VOLUME.resolve(region.volumes, volumeId);
            Instance instance = InstanceIds.resolve(region, List.of(instanceId)).get(0);
            if (v.instanceId != null) {
                throw AwsException.badRequest("VolumeInUse", volumeId + " is already attached to an instance");
            }
            // AWS answers "IncorrectState: Instance '…' is not 'running'." to an attach while the instance is pending.
            if (instance.state != InstanceState.RUNNING && instance.state != InstanceState.STOPPED) {
                throw AwsException.badRequest("IncorrectState", "Instance '" + instanceId + "' is not 'running'.");
            }
            if (!v.availabilityZone.equals(instance.availabilityZone)) {
                throw AwsException.badRequest("InvalidVolume.ZoneMismatch", "The volume '" + volumeId
                        + "' is not in the same availability zone as instance '" + instanceId + "'");
            }
            if (instance.volumes.stream().anyMatch(a -> a.device.equals(device))) {
                throw Ec2Errors.invalidParameter("Invalid value '" + device + "' for unixDevice. "
                        + "Attachment point " + device + " is already in use");
            }
            Ec2Errors.checkDryRun(p);
            v.instanceId = instance.instanceId;
            v.device = device;
            v.attachTime = context.clock().now();
            // AttachVolume has no DeleteOnTermination: volumes attached later stay when the instance terminates.
            v.deleteOnTermination = false;
            instance.volumes.add(v);
            return attachment(v, "attached");
        }
    }

    /** DetachVolume: {@code Force} is accepted and changes nothing here, as there is no guest to flush. */
    JsonNode detachVolume(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        String volumeId = p.required("VolumeId");
        String instanceId = p.string("InstanceId");
        String device = p.string("Device");
        p.bool("Force", false);
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            Volume v = ResourceKind.VOLUME.resolve(region.volumes, volumeId);
            if (v.instanceId == null) {
                throw AwsException.badRequest("IncorrectState", "Volume '" + volumeId
                        + "' is in the 'available' state.");
            }
            if (instanceId != null && !instanceId.equals(v.instanceId) || device != null && !device.equals(v.device)) {
                throw AwsException.badRequest("InvalidAttachment.NotFound", "Volume '" + volumeId
                        + "' is not attached to '" + (instanceId != null ? instanceId : device) + "'.");
            }
            Ec2Errors.checkDryRun(p);
            ObjectNode result = attachment(v, "detaching");
            region.get(v.instanceId).volumes.remove(v);
            v.instanceId = null;
            return result;
        }
    }

    JsonNode deleteVolume(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        String volumeId = p.required("VolumeId");
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            Volume v = ResourceKind.VOLUME.resolve(region.volumes, volumeId);
            if (v.instanceId != null) {
                throw AwsException.badRequest("VolumeInUse", "Volume " + volumeId + " is currently attached to "
                        + v.instanceId);
            }
            Ec2Errors.checkDryRun(p);
            region.volumes.remove(volumeId);
        }
        return Json.object().put("return", true);
    }

    /** AttachVolume's and DetachVolume's VolumeAttachment, at the top level of the result. */
    private static ObjectNode attachment(Volume v, String status) {
        return Json.object().put("attachTime", InstanceXml.time(v.attachTime)).put("device", v.device)
                .put("instanceId", v.instanceId).put("status", status).put("volumeId", v.volumeId)
                .put("deleteOnTermination", v.deleteOnTermination);
    }
}
