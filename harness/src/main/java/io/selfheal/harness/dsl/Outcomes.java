package io.selfheal.harness.dsl;

import io.selfheal.harness.stack.FunctionKind;
import io.selfheal.harness.expect.Expectation;
import io.selfheal.harness.expect.LeastPrivilegeExpectation;
import io.selfheal.harness.expect.NeverExpectation;

/**
 * The outcomes, as in a file's {@code expect.outcomes} (steady-state probes are the same kinds, see
 * {@link Probes}): {@code Outcomes.apiCalls("ec2", "RebootInstances").by("reboot").count(1)}.
 */
public final class Outcomes {
    private Outcomes() {
    }

    /** {@code alarm}: an alarm's state, and optionally a state passed through since the fault. */
    public static AlarmOutcome alarm(String alarm) {
        return new AlarmOutcome(alarm);
    }

    /** {@code apiCalls}: successful calls of one operation, optionally by one function. */
    public static ApiCallsOutcome apiCalls(String service, String operation) {
        return new ApiCallsOutcome(service, operation);
    }

    /** {@code invocations}: finished runs of a function and how many failed. */
    public static InvocationsOutcome invocations(String function) {
        return new InvocationsOutcome(function);
    }

    /** {@code deadLetter}: Lambda's dead letters in a function's dead-letter queue or topic. */
    public static DeadLetterOutcome deadLetter(String function) {
        return new DeadLetterOutcome(function);
    }

    /**
     * {@code destination}: a function's invocation records with one condition ({@code Success},
     * {@code RetriesExhausted}, {@code EventAgeExceeded}) in its destination (default at least one).
     */
    public static DestinationOutcome destination(String function, String condition) {
        return new DestinationOutcome(function, condition);
    }

    /** {@code instance}: an instance's state, reboot count and tags. */
    public static InstanceOutcome instance(String instance) {
        return new InstanceOutcome(instance);
    }

    /** {@code events}: events on the default bus after the fault. */
    public static EventsOutcome events(String source, String detailType) {
        return new EventsOutcome(source, detailType);
    }

    /** {@code metric}: a statistic of a metric over the last window. */
    public static MetricOutcome metric(String namespace, String name) {
        return new MetricOutcome(namespace, name);
    }

    /** {@code queue}: messages in a stack queue. */
    public static MessagesOutcome queue(String queue) {
        return new MessagesOutcome("queue", queue);
    }

    /** {@code topic}: messages a stack topic published. */
    public static MessagesOutcome topic(String topic) {
        return new MessagesOutcome("topic", topic);
    }

    /** {@code httpEndpoint}: requests a stack HTTP endpoint received (default at least one). */
    public static HttpEndpointOutcome httpEndpoint(String endpoint) {
        return new HttpEndpointOutcome(endpoint);
    }

    /** {@code compliance}: what a stack Config rule says of a resource ({@code COMPLIANT}, {@code NON_COMPLIANT} …). */
    public static ComplianceOutcome compliance(String rule, String resource, String type) {
        return new ComplianceOutcome(rule, resource, type);
    }

    /** {@code securityGroup}: a rule a stack group has, or no longer has. */
    public static SecurityGroupOutcome securityGroup(String group) {
        return new SecurityGroupOutcome(group);
    }

    /** {@code leastPrivilege}: the function's calls were all allowed by its role policy, which allows no more. */
    public static OutcomeSpec leastPrivilege(String function) {
        return new OutcomeSpec() {
            @Override
            public String key() {
                return "leastPrivilege";
            }

            @Override
            public Expectation build(Checks checks) {
                String key = checks.stackKey("function", "functions", function);
                if (key != null && checks.stack().all(FunctionKind.Function.class).get(key).rolePolicy() == null) {
                    checks.at("function").problem("function '" + key + "' has no rolePolicy to check calls against");
                    return null;
                }
                return key == null ? null : new LeastPrivilegeExpectation(key);
            }
        };
    }

    /** {@code never}: holds only if {@code outcome} held at no check until the outcome deadline. */
    public static OutcomeSpec never(OutcomeSpec outcome) {
        return new OutcomeSpec() {
            @Override
            public String key() {
                return "never";
            }

            @Override
            public Expectation build(Checks checks) {
                if (outcome.key().equals("never")) {
                    checks.problem("unknown expectation inside never 'never'");
                    return null;
                }
                Expectation inner = outcome.build(checks.at(outcome.key()));
                return inner == null ? null : new NeverExpectation(inner);
            }
        };
    }
}
