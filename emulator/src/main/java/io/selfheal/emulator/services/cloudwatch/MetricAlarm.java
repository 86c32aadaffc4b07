package io.selfheal.emulator.services.cloudwatch;

import java.time.Instant;

/** One metric alarm; its mutable fields change only under the owning {@link CloudWatchRegion}'s monitor. */
final class MetricAlarm {
    final String arn;
    /**
     * The id of the alarm's one metric in state-change events ({@code configuration.metrics[0].id}): AWS generates
     * one for single-metric alarms; this one is fixed for the alarm's life.
     */
    final String metricId;
    /** The account and region the alarm lives in, from its ARN: timers evaluate it without a request. */
    final String accountId;
    final String region;
    AlarmDefinition definition;
    Instant configurationUpdated;
    AlarmState state;

    MetricAlarm(String arn, String metricId, AlarmDefinition definition, Instant now) {
        this.arn = arn;
        this.metricId = metricId;
        String[] parts = arn.split(":", 6);
        this.region = parts[3];
        this.accountId = parts[4];
        this.definition = definition;
        this.configurationUpdated = now;
        this.state = AlarmState.initial(now);
    }
}
