/**
 * Amazon CloudWatch over AWS query and its query-compatible AWS JSON 1.0 protocol.
 * <ul>
 *   <li>Metric alarms: PutMetricAlarm, DescribeAlarms, DescribeAlarmsForMetric, SetAlarmState, DeleteAlarms,
 *       Enable/DisableAlarmActions, DescribeAlarmHistory. New alarms start in {@code INSUFFICIENT_DATA};
 *       {@link io.selfheal.emulator.services.cloudwatch.AlarmEvaluation} evaluates them on the emulator clock every
 *       minute (10 s for high-resolution periods) with
 *       {@link io.selfheal.emulator.services.cloudwatch.AlarmEvaluator} (M of N, TreatMissingData). Every state
 *       change goes through {@link io.selfheal.emulator.services.cloudwatch.AlarmTransitions}: history, one
 *       "CloudWatch Alarm State Change" on the bus, then the new state's actions (SNS and Lambda asked over the bus by
 *       {@link io.selfheal.emulator.services.cloudwatch.AlarmActions}; EC2 actions asked of EC2 the same way).</li>
 *   <li>Composite alarms: PutCompositeAlarm, and DescribeAlarms, SetAlarmState, DeleteAlarms, history and the
 *       actions switch for them too. {@link io.selfheal.emulator.services.cloudwatch.AlarmRule} parses the rule;
 *       {@link io.selfheal.emulator.services.cloudwatch.CompositeAlarms} re-evaluates the parents of every alarm
 *       whose state changes, within the same transition.</li>
 *   <li>Metrics: PutMetricData, GetMetricStatistics, GetMetricData (MetricStat queries), ListMetrics, kept per account
 *       and region in a {@link io.selfheal.emulator.services.cloudwatch.MetricStore} bounded by retention and a
 *       per-metric cap. Emulated services publish their {@code AWS/…} metrics on the bus
 *       ({@link io.selfheal.emulator.messages.PutMetricData}).</li>
 * </ul>
 */
package io.selfheal.emulator.services.cloudwatch;
