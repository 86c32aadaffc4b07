package io.selfheal.emulator.control;

/**
 * What this emulator can do that AWS cannot, as the capabilities document ({@code GET /_selfheal/capabilities})
 * names it: one constant per capability, with the control route a remote harness uses, or null while the capability
 * is reachable in-process only. A branch that adds a capability or its route changes it here and nowhere else.
 */
public enum EmulatorCapability {
    VIRTUAL_CLOCK("virtualClock", "POST /_selfheal/clock/advance", null),
    CPU_LOAD("cpuLoad", "POST /_selfheal/ec2/cpu-load", null),
    STOP_RESPONDING("stopResponding", "POST /_selfheal/ec2/stop-responding", null),
    GUARDDUTY_INJECTION("guardDutyInjection", "POST /_selfheal/guardduty/findings", null),
    FUNCTION_FAULTS("functionFaults", "POST /_selfheal/lambda/faults", null),
    CALL_LOG("callLog", "GET /_selfheal/calls", null),
    IAM_DECISIONS("iamDecisions", "GET /_selfheal/iam/decisions", null),
    REBOOT_COUNT("rebootCount", "GET /_selfheal/ec2/reboots", null),
    INVOCATION_LOG("invocationLog", "GET /_selfheal/lambda/invocations", null),
    EVENT_LOG("eventLog", "GET /_selfheal/events", null),
    REDELIVERY("redelivery", "POST /_selfheal/events/redeliver", null),
    SERVICE_EVENTS("serviceEvents", "POST /_selfheal/events/emit", null);

    private final String key;
    private final String route;
    private final String withoutRoute;

    EmulatorCapability(String key, String route, String withoutRoute) {
        this.key = key;
        this.route = route;
        this.withoutRoute = withoutRoute;
    }

    /** Why a client of the port cannot use it while {@link #route()} is null. */
    String withoutRoute() {
        return withoutRoute;
    }

    /** The name in the capabilities document, e.g. {@code virtualClock}. */
    public String key() {
        return key;
    }

    /** The control route that offers it over HTTP, e.g. {@code POST /_selfheal/clock/advance}; null when none. */
    public String route() {
        return route;
    }
}
