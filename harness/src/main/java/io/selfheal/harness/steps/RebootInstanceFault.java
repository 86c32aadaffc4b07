package io.selfheal.harness.steps;

import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.YMap;

/**
 * Reboots an instance through EC2 RebootInstances, as an operator would: {@code rebootInstance: {instance: web}}.
 * It counts in the instance's reboot count like any other reboot.
 */
public record RebootInstanceFault(String instance) implements Fault {

    @Override
    public String describe() {
        return "reboot instance " + instance;
    }

    @Override
    public void inject(FaultContext run) {
        run.clients().ec2().rebootInstances(r -> r.instanceIds(run.state().instanceId(instance)));
    }

    /** Registered as {@code rebootInstance}. */
    public static final class Type implements FaultType {
        @Override
        public String key() {
            return "rebootInstance";
        }

        @Override
        public Fault read(YMap spec, ReadContext context) {
            spec.allow("instance");
            return new RebootInstanceFault(context.stackKey("instances", spec.require("instance")));
        }

        @Override
        public String schema() {
            return """
                {"description": "Reboots an instance with EC2 RebootInstances (counts in its reboot count).", "type": "object", "additionalProperties": false, "required": ["instance"], "properties": {
                  "instance": {"description": "The key of the instances entry.", "$ref": "#/$defs/stackKey"}
                }}
                """;
        }
    }
}
