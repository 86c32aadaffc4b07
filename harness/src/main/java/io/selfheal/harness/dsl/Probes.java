package io.selfheal.harness.dsl;

/**
 * Steady-state probes: the same kinds as {@link Outcomes}, named for reading
 * {@code steadyState(Probes.instance("web").running(), Probes.alarm("cpuHigh").state(OK))}.
 */
public final class Probes {
    private Probes() {
    }

    public static AlarmOutcome alarm(String alarm) {
        return Outcomes.alarm(alarm);
    }

    public static InstanceOutcome instance(String instance) {
        return Outcomes.instance(instance);
    }

    public static ApiCallsOutcome apiCalls(String service, String operation) {
        return Outcomes.apiCalls(service, operation);
    }

    public static InvocationsOutcome invocations(String function) {
        return Outcomes.invocations(function);
    }

    public static EventsOutcome events(String source, String detailType) {
        return Outcomes.events(source, detailType);
    }

    public static MetricOutcome metric(String namespace, String name) {
        return Outcomes.metric(namespace, name);
    }

    public static MessagesOutcome queue(String queue) {
        return Outcomes.queue(queue);
    }

    public static MessagesOutcome topic(String topic) {
        return Outcomes.topic(topic);
    }

    public static ComplianceOutcome compliance(String rule, String resource, String type) {
        return Outcomes.compliance(rule, resource, type);
    }

    public static SecurityGroupOutcome securityGroup(String group) {
        return Outcomes.securityGroup(group);
    }
}
