package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.List;
import java.util.Set;

/**
 * ModifyInstanceAttribute and DescribeInstanceAttribute for the attributes remediations change: {@code groupSet}
 * (kept on the primary network interface, so it shows there too), {@code disableApiTermination} and
 * {@code instanceType} (only while the instance is stopped, as the reference says). One attribute per call.
 */
final class InstanceAttributeHandlers {
    private static final Set<String> DESCRIBABLE = Set.of("instanceType", "disableApiTermination", "groupSet");

    private final RegionalStore<Ec2Region> store;

    InstanceAttributeHandlers(RegionalStore<Ec2Region> store) {
        this.store = store;
    }

    JsonNode modifyInstanceAttribute(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        String instanceId = instanceId(p);
        List<String> groupIds = VpcHandlers.ids(p, "GroupId");
        String attribute = p.string("Attribute");
        String value = p.string("Value");
        Boolean disable = null; // boxed on purpose: absent is neither true nor false
        if (p.has("DisableApiTermination")) {
            disable = p.child("DisableApiTermination").bool("Value", false);
        } else if ("disableApiTermination".equals(attribute)) {
            disable = Boolean.valueOf(value);
        }
        String type = p.has("InstanceType") ? p.child("InstanceType").string("Value")
                : "instanceType".equals(attribute) ? value : null;
        int given = (groupIds.isEmpty() ? 0 : 1) + (disable == null ? 0 : 1) + (type == null ? 0 : 1);
        if (given != 1) {
            throw Ec2Errors.invalidCombination(given == 0
                    ? "No attribute specified." : "Only one attribute may be modified per call.");
        }
        if (type != null && !RunInstancesHandler.INSTANCE_TYPE.matcher(type).matches()) {
            throw Ec2Errors.invalidParameter("Invalid value '" + type + "' for InstanceType.");
        }
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            Instance instance = InstanceIds.resolve(region, List.of(instanceId)).get(0);
            if (!groupIds.isEmpty()) {
                if (instance.primaryInterface == null) {
                    throw Ec2Errors.incorrectState("The instance '" + instanceId + "' is terminated.");
                }
                List<SecurityGroup> groups =
                        NetworkInterfaceHandlers.replaceGroups(p, region, instance.primaryInterface, groupIds);
                instance.primaryInterface.groups.clear();
                instance.primaryInterface.groups.addAll(groups);
            } else if (type != null) {
                if (instance.state != InstanceState.STOPPED) {
                    throw Ec2Errors.incorrectState("The instance '" + instanceId + "' is not in the 'stopped' state.");
                }
                Ec2Errors.checkDryRun(p);
                instance.instanceType = type;
            } else {
                Ec2Errors.checkDryRun(p);
                instance.disableApiTermination = disable;
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
                    + "Only instanceType, disableApiTermination and groupSet are modelled.");
        }
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            Instance instance = InstanceIds.resolve(region, List.of(instanceId)).get(0);
            ObjectNode result = Json.object().put("instanceId", instanceId);
            switch (attribute) {
                case "instanceType" -> result.putObject("instanceType").put("value", instance.instanceType);
                case "disableApiTermination" -> result.putObject("disableApiTermination")
                        .put("value", instance.disableApiTermination);
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

    private static String instanceId(Params p) {
        String id = p.string("InstanceId");
        if (id == null) {
            throw p.errors().missing("InstanceId");
        }
        return id;
    }
}
