package io.selfheal.harness.steps;

import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.YMap;

/**
 * Stops an instance through EC2 StopInstances, as an operator or an outage would: {@code stopInstance: {instance: web}}
 * ({@code force: true} for a forced stop).
 */
public record StopInstanceFault(String instance, boolean force) implements Fault {

    @Override
    public String describe() {
        return (force ? "force-stop" : "stop") + " instance " + instance;
    }

    @Override
    public void inject(FaultContext run) {
        run.clients().ec2().stopInstances(r -> r.instanceIds(run.state().instanceId(instance)).force(force));
    }

    /** Registered as {@code stopInstance}. */
    public static final class Type implements FaultType {
        @Override
        public String key() {
            return "stopInstance";
        }

        @Override
        public Fault read(YMap spec, ReadContext context) {
            spec.allow("instance", "force");
            String instance = context.stackKey("instances", spec.require("instance"));
            Boolean force = spec.bool("force");
            return new StopInstanceFault(instance, Boolean.TRUE.equals(force));
        }

        @Override
        public String schema() {
            return """
                {"description": "Stops an instance with EC2 StopInstances.", "type": "object", "additionalProperties": false, "required": ["instance"], "properties": {
                  "instance": {"description": "The key of the instances entry.", "$ref": "#/$defs/stackKey"},
                  "force": {"description": "A forced stop (default false).", "type": "boolean", "default": false}
                }}
                """;
        }
    }
}
