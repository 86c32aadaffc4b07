package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ModifyInstanceAttribute and DescribeInstanceAttribute for the attributes remediations change: {@code groupSet}
 * (kept on the primary network interface, so it shows there too), {@code disableApiTermination},
 * {@code disableApiStop}, {@code instanceInitiatedShutdownBehavior}, {@code blockDeviceMapping} (each volume's
 * DeleteOnTermination) and {@code instanceType} (only while the instance is stopped, as the reference says). One
 * attribute per call.
 */
final class InstanceAttributeHandlers {
    private static final Set<String> DESCRIBABLE = Set.of("instanceType", "disableApiTermination", "groupSet",
            "disableApiStop", "instanceInitiatedShutdownBehavior", "blockDeviceMapping");
    private static final Set<String> SHUTDOWN_BEHAVIORS = Set.of("stop", "terminate");

    private final RegionalStore<Ec2Region> store;

    InstanceAttributeHandlers(RegionalStore<Ec2Region> store) {
        this.store = store;
    }

    JsonNode modifyInstanceAttribute(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        String instanceId = instanceId(p);
        List<String> groupIds = VpcHandlers.ids(p, "GroupId");
        Boolean disableTermination = flag(p, "DisableApiTermination", "disableApiTermination");
        Boolean disableStop = flag(p, "DisableApiStop", "disableApiStop");
        String type = value(p, "InstanceType", "instanceType");
        String shutdown = value(p, "InstanceInitiatedShutdownBehavior", "instanceInitiatedShutdownBehavior");
        Map<String, Boolean> deleteOnTermination = deleteOnTermination(p);
        int given = (groupIds.isEmpty() ? 0 : 1) + count(disableTermination) + count(disableStop) + count(type)
                + count(shutdown) + (deleteOnTermination.isEmpty() ? 0 : 1);
        if (given != 1) {
            throw Ec2Errors.invalidCombination(given == 0
                    ? "No attribute specified." : "Only one attribute may be modified per call.");
        }
        if (type != null && !RunInstancesHandler.INSTANCE_TYPE.matcher(type).matches()) {
            throw Ec2Errors.invalidParameter("Invalid value '" + type + "' for InstanceType.");
        }
        if (shutdown != null && !SHUTDOWN_BEHAVIORS.contains(shutdown)) {
            throw Ec2Errors.invalidParameter("Value (" + shutdown + ") for parameter "
                    + "instanceInitiatedShutdownBehavior is invalid. Valid values are 'stop' and 'terminate'.");
        }
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            Instance instance = InstanceIds.resolve(region, List.of(instanceId)).get(0);
            if (!groupIds.isEmpty()) {
                NetworkInterface primary = instance.primaryInterface();
                if (primary == null) {
                    throw Ec2Errors.incorrectState("The instance '" + instanceId + "' is terminated.");
                }
                List<SecurityGroup> groups = NetworkInterfaceHandlers.replaceGroups(p, region, primary, groupIds);
                primary.groups.clear();
                primary.groups.addAll(groups);
            } else if (type != null) {
                if (instance.state != InstanceState.STOPPED) {
                    throw Ec2Errors.incorrectState("The instance '" + instanceId + "' is not in the 'stopped' state.");
                }
                Ec2Errors.checkDryRun(p);
                instance.instanceType = type;
            } else if (!deleteOnTermination.isEmpty()) {
                List<Volume> volumes = deleteOnTermination.keySet().stream().map(device -> instance.volumes.stream()
                        .filter(v -> v.device.equals(device)).findFirst().orElseThrow(() -> AwsException.badRequest(
                                "InvalidInstanceAttributeValue", "No device is currently mapped at " + device)))
                        .toList();
                Ec2Errors.checkDryRun(p);
                volumes.forEach(v -> v.deleteOnTermination = deleteOnTermination.get(v.device));
            } else {
                Ec2Errors.checkDryRun(p);
                if (disableTermination != null) {
                    instance.disableApiTermination = disableTermination;
                } else if (disableStop != null) {
                    instance.disableApiStop = disableStop;
                } else {
                    instance.shutdownBehavior = shutdown;
                }
            }
        }
        return Json.object().put("return", true);
    }

    JsonNode describeInstanceAttribute(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        String instanceId = instanceId(p);
        String attribute = p.string("Attribute");
        if (attribute == null) {
            throw p.errors().missing("Attribute");
        }
        if (!DESCRIBABLE.contains(attribute)) {
            throw Ec2Errors.invalidParameter("Value (" + attribute + ") for parameter attribute is invalid. "
                    + "Only " + String.join(", ", DESCRIBABLE.stream().sorted().toList()) + " are modelled.");
        }
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            Instance instance = InstanceIds.resolve(region, List.of(instanceId)).get(0);
            ObjectNode result = Json.object().put("instanceId", instanceId);
            switch (attribute) {
                case "instanceType" -> result.putObject("instanceType").put("value", instance.instanceType);
                case "disableApiTermination" -> result.putObject("disableApiTermination")
                        .put("value", instance.disableApiTermination);
                case "disableApiStop" -> result.putObject("disableApiStop").put("value", instance.disableApiStop);
                case "instanceInitiatedShutdownBehavior" -> result.putObject("instanceInitiatedShutdownBehavior")
                        .put("value", instance.shutdownBehavior);
                case "blockDeviceMapping" -> {
                    ArrayNode devices = result.putArray("blockDeviceMapping");
                    instance.volumes.forEach(v -> devices.add(NetXml.blockDevice(v)));
                }
                default -> result.set("groupSet", NetXml.groupSet(instance.groups()));
            }
            return result;
        }
    }

    /**
     * TerminateInstances' refusal while termination protection is on ("Enable termination protection"): the whole
     * call is refused.
     */
    static void checkTerminable(Instance i) {
        if (i.disableApiTermination) {
            throw AwsException.badRequest("OperationNotPermitted", "The instance '" + i.instanceId
                    + "' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.");
        }
    }

    /** StopInstances' refusal while stop protection is on ("Enable stop protection for your instance"). */
    static void checkStoppable(Instance i) {
        if (i.disableApiStop) {
            throw AwsException.badRequest("OperationNotPermitted", "The instance '" + i.instanceId
                    + "' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.");
        }
    }

    /** {@code <Name>.Value}, or the legacy {@code Attribute=<attribute>&Value=…} form. */
    private static String value(Params p, String name, String attribute) {
        if (p.has(name)) {
            return p.child(name).string("Value");
        }
        return attribute.equals(p.string("Attribute")) ? p.string("Value") : null;
    }

    private static Boolean flag(Params p, String name, String attribute) {
        if (p.has(name)) {
            return p.child(name).bool("Value", false);
        }
        return attribute.equals(p.string("Attribute")) ? Boolean.valueOf(p.string("Value")) : null;
    }

    /** {@code BlockDeviceMapping.N}: device name → its new DeleteOnTermination. */
    private static Map<String, Boolean> deleteOnTermination(Params p) {
        Map<String, Boolean> changes = new LinkedHashMap<>();
        for (ObjectNode n : p.objects("BlockDeviceMapping")) {
            Params mapping = new Params(n, p.errors());
            String device = mapping.string("DeviceName");
            if (device == null) {
                throw p.errors().missing("BlockDeviceMapping.DeviceName");
            }
            Params ebs = mapping.child("Ebs");
            if (ebs == null || !ebs.has("DeleteOnTermination")) {
                throw p.errors().missing("BlockDeviceMapping.Ebs.DeleteOnTermination");
            }
            changes.put(device, ebs.bool("DeleteOnTermination", true));
        }
        return changes;
    }

    private static int count(Object attribute) {
        return attribute == null ? 0 : 1;
    }

    private static String instanceId(Params p) {
        String id = p.string("InstanceId");
        if (id == null) {
            throw p.errors().missing("InstanceId");
        }
        return id;
    }
}
