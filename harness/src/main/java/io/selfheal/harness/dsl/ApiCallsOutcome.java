package io.selfheal.harness.dsl;

import io.selfheal.harness.expect.ApiCallsExpectation;
import io.selfheal.harness.expect.Expectation;

/** {@code apiCalls}: {@code Outcomes.apiCalls("ec2", "RebootInstances").by("reboot").count(1)}. */
public final class ApiCallsOutcome extends CountedSpec<ApiCallsOutcome> {
    private final String service;
    private final String operation;
    private String by;

    ApiCallsOutcome(String service, String operation) {
        this.service = service;
        this.operation = operation;
    }

    /** Only the calls made by the stack's function under this key (its role session). */
    public ApiCallsOutcome by(String function) {
        return with(s -> s.by = function);
    }

    @Override
    public String key() {
        return "apiCalls";
    }

    @Override
    public Expectation build(Checks checks) {
        checks.required("service", service);
        checks.required("operation", operation);
        var count = count(checks);
        String function = by == null ? null : checks.stackKey("by", "functions", by);
        return new ApiCallsExpectation(service, operation, count, function);
    }
}
