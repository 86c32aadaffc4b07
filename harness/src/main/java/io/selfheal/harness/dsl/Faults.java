package io.selfheal.harness.dsl;

import io.selfheal.harness.stack.InstanceKind;
import io.selfheal.harness.stack.SecurityGroupKind;
import io.selfheal.harness.steps.ConfigDriftFault;
import io.selfheal.harness.steps.Fault;
import io.selfheal.harness.steps.FunctionFaultFault;
import io.selfheal.harness.steps.GuardDutyFindingFault;
import io.selfheal.harness.steps.GuardDutySampleFindingFault;
import io.selfheal.harness.steps.RebootInstanceFault;
import io.selfheal.harness.steps.SecurityGroupIngressFault;
import io.selfheal.harness.steps.StopInstanceFault;
import io.selfheal.harness.steps.TerminateInstanceFault;
import io.selfheal.harness.steps.TimedFault;
import io.selfheal.harness.steps.drift.Drift;
import io.selfheal.harness.steps.drift.DriftTarget;
import io.selfheal.harness.steps.drift.Drifts;
import java.time.Duration;
import java.util.function.Function;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** The faults, as in a file's {@code faults} list: {@code Faults.instanceLoad("web").cpu(99).untilReboot()}. */
public final class Faults {
    private Faults() {
    }

    /** {@code alarmState}: forces an alarm's state with SetAlarmState. */
    public static AlarmStateSpec alarmState(String alarm, StateValue state) {
        return new AlarmStateSpec(alarm, state, null);
    }

    /** {@code instanceLoad}: CPU load on an instance; say how long with untilReboot() or lasting(…). */
    public static InstanceLoadSpec instanceLoad(String instance) {
        return new InstanceLoadSpec(instance);
    }

    /** {@code stopInstance} through EC2 StopInstances. */
    public static FaultSpec stopInstance(String instance) {
        return onInstance("stopInstance", instance, key -> new StopInstanceFault(key, false));
    }

    /** {@code stopInstance} with {@code force: true}. */
    public static FaultSpec forceStopInstance(String instance) {
        return onInstance("stopInstance", instance, key -> new StopInstanceFault(key, true));
    }

    /** {@code terminateInstance} through EC2 TerminateInstances. */
    public static FaultSpec terminateInstance(String instance) {
        return onInstance("terminateInstance", instance, TerminateInstanceFault::new);
    }

    /** {@code rebootInstance} through EC2 RebootInstances. */
    public static FaultSpec rebootInstance(String instance) {
        return onInstance("rebootInstance", instance, RebootInstanceFault::new);
    }

    /**
     * {@code guardDutyFinding}: GuardDuty finds a threat of {@code type} on the instance (turned on with
     * CreateDetector when the account has none); see {@link GuardDutyFindingSpec}.
     */
    public static GuardDutyFindingSpec guardDutyFinding(String instance, String type) {
        return new GuardDutyFindingSpec(instance, type);
    }

    /**
     * {@code guardDutyFinding: {sample: true, type: …}}: GuardDuty's own CreateSampleFindings for {@code type}, a
     * sample about a placeholder instance (the one way AWS offers; runs on every backend).
     */
    public static FaultSpec guardDutySampleFinding(String type) {
        return new FaultSpec() {
            @Override
            public String key() {
                return "guardDutyFinding";
            }

            @Override
            public Fault build(Checks checks) {
                String checked = checks.required("type", type) == null ? null
                        : checks.choice("type", type, GuardDutyFindingFault.TYPES.toArray(String[]::new));
                return checked == null ? null : new GuardDutySampleFindingFault(checked);
            }
        };
    }

    /** {@code putEvent} of an inline event; see {@link PutEventSpec}. */
    public static PutEventSpec putEvent(String source, String detailType) {
        return new PutEventSpec(source, detailType);
    }

    /** {@code putEvent} of a fixtures-module sample ({@code guardduty-finding}); see {@link FixtureEventSpec}. */
    public static FixtureEventSpec putFixture(String fixture) {
        return new FixtureEventSpec(fixture);
    }

    /**
     * {@code securityGroupIngress}: configuration drift — an intruder opens {@code rule} on the stack's group
     * (AuthorizeSecurityGroupIngress, which CloudTrail reports).
     */
    public static FaultSpec securityGroupIngress(String group, PermissionSpec rule) {
        return new FaultSpec() {
            @Override
            public String key() {
                return "securityGroupIngress";
            }

            @Override
            public Fault build(Checks checks) {
                String key = checks.stackKey("ref", "securityGroups", group);
                var permission = rule.build(checks.at("rule"));
                return key == null ? null : new SecurityGroupIngressFault(key, permission);
            }
        };
    }

    /**
     * {@code configDrift}: one change to one resource that AWS Config records, e.g.
     * {@code configDrift(DriftTarget.instance("web"), new RemoveTag("Owner"))} or
     * {@code configDrift(DriftTarget.instance("web"), new InstanceMonitoring(false))},
     * {@code configDrift(DriftTarget.instance("web"), new AttachUnencryptedVolume(8, "/dev/sdg"))} or
     * {@code configDrift(DriftTarget.volume("web", "/dev/sdf"), new DetachVolume())}.
     */
    public static FaultSpec configDrift(DriftTarget target, Drift drift) {
        return new FaultSpec() {
            @Override
            public String key() {
                return "configDrift";
            }

            @Override
            public Fault build(Checks checks) {
                String field = target.kind() == DriftTarget.Kind.VOLUME ? "instance" : target.kind().key();
                String kind = switch (target.kind()) {
                    case INSTANCE, VOLUME -> InstanceKind.KEY;
                    case SECURITY_GROUP -> SecurityGroupKind.KEY;
                    case BUCKET -> null;
                };
                if (kind == null) {
                    checks.references(target.ref());
                } else if (checks.stackKey(field, kind, target.ref()) == null) {
                    return null;
                }
                String problem = Drifts.problem(target, drift);
                if (problem != null) {
                    checks.problem(problem);
                    return null;
                }
                return new ConfigDriftFault(target, drift);
            }
        };
    }

    /**
     * {@code functionFault: {function, mode, times}}: the function's next {@code times} invocations fail by
     * {@code mode} ({@code throw}, {@code timeout}, {@code crash}, {@code throttle}), applied by Lambda's platform.
     */
    public static FaultSpec functionFault(String function, String mode, int times) {
        return functionFault(function, mode, times, null);
    }

    /** {@code functionFault: {function, mode, for}}: every invocation fails by {@code mode} for {@code duration}. */
    public static FaultSpec functionFault(String function, String mode, Duration duration) {
        return functionFault(function, mode, 0, duration);
    }

    private static FaultSpec functionFault(String function, String mode, int times, Duration duration) {
        return new FaultSpec() {
            @Override
            public String key() {
                return "functionFault";
            }

            @Override
            public Fault build(Checks checks) {
                String key = checks.stackKey("function", "functions", function);
                String checked = checks.choice("mode", mode, "throw", "timeout", "crash", "throttle");
                if (duration != null) {
                    checks.positive("for", duration, "for must be a positive duration");
                } else if (times < 1) {
                    checks.problem("times", "times must be at least 1");
                }
                return key == null || checked == null ? null
                        : new FunctionFaultFault(key, checked, times, duration);
            }
        };
    }

    /**
     * {@code - at: PT3M}: {@code fault} injected that long after the steady state held (times may not decrease
     * from one fault to the next).
     */
    public static FaultSpec at(Duration at, FaultSpec fault) {
        return new TimedSpec(at, fault);
    }

    private static FaultSpec onInstance(String type, String instance, Function<String, Fault> fault) {
        return new FaultSpec() {
            @Override
            public String key() {
                return type;
            }

            @Override
            public Fault build(Checks checks) {
                String key = checks.stackKey("instance", "instances", instance);
                return key == null ? null : fault.apply(key);
            }
        };
    }

    /** A timed fault; {@link ScenarioBuilder} checks the order of the times. */
    record TimedSpec(Duration at, FaultSpec fault) implements FaultSpec {
        @Override
        public String key() {
            return fault.key();
        }

        @Override
        public Fault build(Checks checks) {
            Fault inner = fault.build(checks);
            return inner == null ? null : new TimedFault(at, inner);
        }
    }
}
