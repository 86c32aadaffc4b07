package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;

/**
 * One instance's status checks (API reference, "InstanceStatus"): the system check always passes (the emulated host
 * never fails); the instance check fails while the instance hangs. Only running instances are checked: others are
 * {@code not-applicable}. Callers hold the region's monitor.
 */
record InstanceStatus(String instanceStatus, String instanceReachability, String systemStatus,
                      String systemReachability) {

    static InstanceStatus of(Instance i, InstanceMetrics metrics) {
        if (i.state != InstanceState.RUNNING) {
            return new InstanceStatus("not-applicable", null, "not-applicable", null);
        }
        return metrics.impaired(i)
                ? new InstanceStatus("impaired", "failed", "ok", "passed")
                : new InstanceStatus("ok", "passed", "ok", "passed");
    }

    /** An {@code instanceStatusSet} item. */
    ObjectNode toXmlTree(Instance i) {
        ObjectNode n = Json.object().put("instanceId", i.instanceId).put("availabilityZone", i.availabilityZone);
        n.set("instanceState", i.state.toXmlTree());
        n.set("systemStatus", summary(systemStatus, systemReachability, null));
        n.set("instanceStatus", summary(instanceStatus, instanceReachability,
                i.telemetry.impairedSince == null ? null : InstanceXml.time(i.telemetry.impairedSince)));
        n.putArray("eventsSet");
        return n;
    }

    private static ObjectNode summary(String status, String reachability, String impairedSince) {
        ObjectNode s = Json.object().put("status", status);
        var details = s.putArray("details");
        if (reachability != null) {
            ObjectNode d = details.addObject().put("name", "reachability").put("status", reachability);
            if ("failed".equals(reachability) && impairedSince != null) {
                d.put("impairedSince", impairedSince);
            }
        }
        return s;
    }

    /** The value a DescribeInstanceStatus filter tests, or null for a filter it does not know. */
    String filterValue(Instance i, String filter) {
        return switch (filter) {
            case "availability-zone" -> i.availabilityZone;
            case "instance-state-name" -> i.state.wireName();
            case "instance-state-code" -> Integer.toString(i.state.code());
            case "instance-status.status" -> instanceStatus;
            case "instance-status.reachability" -> instanceReachability;
            case "system-status.status" -> systemStatus;
            case "system-status.reachability" -> systemReachability;
            default -> null;
        };
    }
}
