package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.service.Params;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RunInstances' {@code BlockDeviceMapping.N} with {@code Ebs}: one volume each, attached from launch. The AMI's root
 * device ({@code /dev/xvda}, 8 GiB gp3, deleted on termination, as Amazon Linux AMIs map it) is added unless a
 * mapping names that device; mappings without {@code Ebs} (instance store, NoDevice) make no volume.
 */
final class BlockDevices {
    static final String ROOT_DEVICE = "/dev/xvda";
    private static final int ROOT_SIZE = 8;
    private static final Set<String> TYPES = Set.of("standard", "gp2", "gp3", "io1", "io2", "st1", "sc1");
    private static final int MAX_SIZE = 16384;

    record Spec(String device, int size, String type, Integer iops, Integer throughput, boolean encrypted,
                boolean deleteOnTermination, String snapshotId) {
    }

    private BlockDevices() {
    }

    static List<Spec> parse(Params p) {
        List<Spec> specs = new ArrayList<>();
        boolean root = false;
        for (ObjectNode n : p.objects("BlockDeviceMapping")) {
            Params mapping = new Params(n, p.errors());
            String device = mapping.string("DeviceName");
            if (device == null || device.isEmpty()) {
                throw p.errors().missing("BlockDeviceMapping.DeviceName");
            }
            Params ebs = mapping.child("Ebs");
            if (ebs == null) {
                continue;
            }
            String type = checkedType(ebs.string("VolumeType", "gp3"));
            int size = checkedSize(ebs.integer("VolumeSize", ROOT_SIZE), type);
            if (specs.stream().anyMatch(s -> s.device.equals(device))) {
                throw Ec2Errors.invalidParameter("The device '" + device + "' is used in more than one block-device "
                        + "mapping");
            }
            root |= device.equals(ROOT_DEVICE);
            specs.add(new Spec(device, size, type, ebs.integer("Iops"), ebs.integer("Throughput"),
                    ebs.bool("Encrypted", false), ebs.bool("DeleteOnTermination", true), ebs.string("SnapshotId")));
        }
        if (!root) {
            specs.add(0, new Spec(ROOT_DEVICE, ROOT_SIZE, "gp3", null, null, false, true, null));
        }
        return specs;
    }

    /** A volume type EBS offers (RunInstances' mappings and CreateVolume share the refusal). */
    static String checkedType(String type) {
        if (!TYPES.contains(type)) {
            throw Ec2Errors.invalidParameter("Value (" + type + ") for parameter volumeType is invalid. "
                    + "Expected one of: " + String.join(", ", TYPES.stream().sorted().toList()) + ".");
        }
        return type;
    }

    static int checkedSize(int size, String type) {
        if (size < 1 || size > MAX_SIZE) {
            throw Ec2Errors.invalidParameter("Volume of " + size + "GiB is too large or small for " + type
                    + "; the valid range is 1-" + MAX_SIZE + " GiB.");
        }
        return size;
    }

    /** gp3's baseline is 3000 IOPS; gp2 bursts from 3 IOPS per GiB (at least 100); other types name none here. */
    static Integer defaultIops(String type, int size) {
        return switch (type) {
            case "gp3" -> 3000;
            case "gp2" -> Math.max(100, 3 * size);
            default -> null;
        };
    }

    /** gp3's baseline throughput is 125 MiB/s. */
    static Integer defaultThroughput(String type) {
        return type.equals("gp3") ? 125 : null;
    }

    static void attach(Ec2Region region, Instance instance, List<Spec> specs, Map<String, String> tags, Instant now) {
        for (Spec s : specs) {
            Integer iops = s.iops != null ? s.iops : defaultIops(s.type, s.size);
            Integer throughput = s.throughput != null ? s.throughput : defaultThroughput(s.type);
            Volume v = new Volume(region.ids.hex("vol", 17), s.size, s.type, iops, throughput, s.encrypted, s.snapshotId,
                    instance.availabilityZone, now, instance.instanceId, s.device, s.deleteOnTermination);
            v.tags().putAll(tags);
            region.volumes.put(v.volumeId, v);
            instance.volumes.add(v);
        }
    }
}
