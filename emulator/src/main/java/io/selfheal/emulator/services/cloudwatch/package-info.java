/**
 * Amazon CloudWatch over AWS query and its query-compatible AWS JSON 1.0 protocol.
 * <ul>
 *   <li>Metric alarms: PutMetricAlarm, DescribeAlarms, SetAlarmState, DeleteAlarms. New alarms start in
 *       {@code INSUFFICIENT_DATA}; only SetAlarmState changes a state for now (evaluation from metrics comes later).
 *       Every state change is published on the internal bus as a "CloudWatch Alarm State Change" built by
 *       {@link io.selfheal.emulator.services.cloudwatch.AlarmStateChangeEvent}.</li>
 *   <li>Metrics: PutMetricData, GetMetricStatistics, GetMetricData (MetricStat queries), ListMetrics, kept per account
 *       and region in a {@link io.selfheal.emulator.services.cloudwatch.MetricStore} bounded by retention and a
 *       per-metric cap. Emulated services publish their {@code AWS/…} metrics on the bus
 *       ({@link io.selfheal.emulator.messages.PutMetricData}).</li>
 * </ul>
 */
package io.selfheal.emulator.services.cloudwatch;
