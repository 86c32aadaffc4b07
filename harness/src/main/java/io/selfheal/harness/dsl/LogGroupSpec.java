package io.selfheal.harness.dsl;

import io.selfheal.harness.stack.LogGroupKind;

/** A CloudWatch Logs log group of the stack ({@code stack.logGroups.<key>}), named by its key unless named. */
public final class LogGroupSpec extends Spec<LogGroupSpec> {
    private String name;
    private Integer retentionDays;

    LogGroupSpec() {
    }

    public LogGroupSpec name(String name) {
        return with(s -> s.name = name);
    }

    public LogGroupSpec retentionDays(int days) {
        return with(s -> s.retentionDays = days);
    }

    LogGroupKind.LogGroup build(String key, Checks checks) {
        return new LogGroupKind.LogGroup(key, name == null ? key : name, retentionDays);
    }
}
