package io.selfheal.harness.steps;

import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.YMap;

/** Terminates an instance through EC2 TerminateInstances: {@code terminateInstance: {instance: web}}. */
public record TerminateInstanceFault(String instance) implements Fault {

    @Override
    public String describe() {
        return "terminate instance " + instance;
    }

    @Override
    public void inject(FaultContext run) {
        run.clients().ec2().terminateInstances(r -> r.instanceIds(run.state().instanceId(instance)));
    }

    /** Registered as {@code terminateInstance}. */
    public static final class Type implements FaultType {
        @Override
        public String key() {
            return "terminateInstance";
        }

        @Override
        public Fault read(YMap spec, ReadContext context) {
            spec.allow("instance");
            return new TerminateInstanceFault(context.stackKey("instances", spec.require("instance")));
        }

        @Override
        public String schema() {
            return """
                {"description": "Terminates an instance with EC2 TerminateInstances.", "type": "object", "additionalProperties": false, "required": ["instance"], "properties": {
                  "instance": {"description": "The key of the instances entry.", "$ref": "#/$defs/stackKey"}
                }}
                """;
        }
    }
}
