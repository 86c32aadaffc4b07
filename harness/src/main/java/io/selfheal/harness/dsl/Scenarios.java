package io.selfheal.harness.dsl;

/**
 * Where a scenario in Java starts:
 * <pre>{@code
 * Scenario s = Scenarios.scenario("ec2-high-cpu-reboot")
 *         .stack(stack -> stack.instance("web", i -> i.imageId("ami-0abcdef1234567890")) …)
 *         .fault(Faults.alarmState("cpuHigh", ALARM))
 *         .expect(Duration.ofSeconds(60), Outcomes.apiCalls("ec2", "RebootInstances").by("reboot").count(1))
 *         .build();
 * }</pre>
 */
public final class Scenarios {
    private Scenarios() {
    }

    /** A scenario named as a file's {@code scenario} key: letters, digits, '.', '_' and '-'. */
    public static ScenarioBuilder scenario(String name) {
        return new ScenarioBuilder(name);
    }
}
