package io.selfheal.harness.steps;

import io.selfheal.harness.stack.InstanceKind;
import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.stack.SecurityGroupKind;
import io.selfheal.harness.steps.drift.Drift;
import io.selfheal.harness.steps.drift.DriftTarget;
import io.selfheal.harness.steps.drift.Drifts;
import io.selfheal.harness.yaml.YMap;
import io.selfheal.harness.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Configuration drift that AWS Config records and its rules evaluate, other than a security group opened
 * ({@code securityGroupIngress}): one resource, one change, made with the harness's own credentials through the AWS
 * APIs, e.g. {@code configDrift: {instance: web, removeTag: Owner}}, {@code {instance: web, monitoring: basic}},
 * {@code {instance: web, device: /dev/sdf, removeTag: Owner}} (that volume), {@code {instance: web,
 * attachUnencryptedVolume: {sizeGiB: 8, device: /dev/sdg}}}, {@code {instance: web, device: /dev/sdf, detachVolume:
 * true}} or {@code {bucket: logs, publicRead: true}}. The changes are listed in {@link Drifts}.
 */
public record ConfigDriftFault(DriftTarget target, Drift drift) implements Fault {
    private static final List<String> TARGETS = List.of("instance", "securityGroup", "bucket");

    @Override
    public String describe() {
        return target.describe() + ": " + drift.describe();
    }

    @Override
    public void inject(FaultContext run) {
        drift.apply(run, target);
    }

    /** Registered as {@code configDrift}. */
    public static final class Type implements FaultType {
        @Override
        public String key() {
            return "configDrift";
        }

        @Override
        public Fault read(YMap spec, ReadContext context) {
            List<String> allowed = new ArrayList<>(TARGETS);
            allowed.add("device");
            Drifts.ALL.forEach(k -> allowed.add(k.key()));
            spec.allow(allowed.toArray(String[]::new));
            DriftTarget target = target(spec, context);
            List<Drifts.Kind> changes = Drifts.ALL.stream().filter(k -> spec.has(k.key())).toList();
            if (changes.size() != 1) {
                spec.node().problem("configDrift makes exactly one change: one of "
                        + Drifts.ALL.stream().map(Drifts.Kind::key).collect(Collectors.joining(", ")));
                return null;
            }
            YNode value = spec.get(changes.get(0).key());
            Drift drift = changes.get(0).read().apply(value);
            if (target == null || drift == null) {
                return null;
            }
            String problem = Drifts.problem(target, drift);
            if (problem != null) {
                value.problem(problem);
                return null;
            }
            return new ConfigDriftFault(target, drift);
        }

        private static DriftTarget target(YMap spec, ReadContext context) {
            List<String> named = TARGETS.stream().filter(spec::has).toList();
            if (named.size() != 1) {
                spec.node().problem("configDrift names exactly one resource: instance (with device for one of its "
                        + "volumes), securityGroup or bucket");
                return null;
            }
            if (spec.has("device") && !named.get(0).equals("instance")) {
                spec.get("device").problem("device picks a volume of an instance: give instance too");
                return null;
            }
            return switch (named.get(0)) {
                case "instance" -> {
                    String key = context.stackKey(InstanceKind.KEY, spec.get("instance"));
                    String device = spec.string("device");
                    yield key == null ? null
                            : device == null ? DriftTarget.instance(key) : DriftTarget.volume(key, device);
                }
                case "securityGroup" -> {
                    String key = context.stackKey(SecurityGroupKind.KEY, spec.get("securityGroup"));
                    yield key == null ? null : DriftTarget.securityGroup(key);
                }
                default -> DriftTarget.bucket(spec.requiredString("bucket"));
            };
        }

        @Override
        public String schema() {
            StringBuilder changes = new StringBuilder();
            for (Drifts.Kind k : Drifts.ALL) {
                changes.append(",\n  \"").append(k.key()).append("\": ").append(k.schema().strip());
            }
            return """
                {"description": "Configuration drift AWS Config records: one resource (instance, one of its volumes by device, securityGroup or bucket) and one change, through the AWS APIs.", "type": "object", "additionalProperties": false, "minProperties": 2, "properties": {
                  "instance": {"description": "The key of the instances entry that drifts (with device: its volume attached there).", "$ref": "#/$defs/stackKey"},
                  "device": {"description": "With instance: the volume attached at this device (e.g. /dev/sdf) drifts instead.", "type": "string"},
                  "securityGroup": {"description": "The key of the securityGroups entry that drifts.", "$ref": "#/$defs/stackKey"},
                  "bucket": {"description": "The name of the bucket that drifts.", "type": "string"}%s
                }}
                """.formatted(changes);
        }
    }
}
