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
    AlarmDefinition definition;
    Instant configurationUpdated;
    AlarmState state;

    MetricAlarm(String arn, String metricId, AlarmDefinition definition, Instant now) {
        this.arn = arn;
        this.metricId = metricId;
        this.definition = definition;
        this.configurationUpdated = now;
        this.state = AlarmState.initial(now);
    }
}
