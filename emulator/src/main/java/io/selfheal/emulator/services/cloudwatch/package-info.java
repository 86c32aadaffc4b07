/**
 * Amazon CloudWatch metric alarms (AWS query protocol): PutMetricAlarm, DescribeAlarms, SetAlarmState, DeleteAlarms.
 * New alarms start in {@code INSUFFICIENT_DATA}; only SetAlarmState changes a state for now (metric data and
 * evaluation come later). Every state change is published on the internal bus as a "CloudWatch Alarm State Change"
 * built by {@link io.selfheal.emulator.services.cloudwatch.AlarmStateChangeEvent}.
 */
package io.selfheal.emulator.services.cloudwatch;
