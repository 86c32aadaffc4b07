package io.selfheal.emulator.services.cloudwatch;

import java.time.Instant;

/**
 * One item of DescribeAlarmHistory.
 *
 * @param alarmName the alarm's name (history outlives the alarm, as in AWS)
 * @param alarmType {@code MetricAlarm} or {@code CompositeAlarm}
 * @param timestamp when it happened (emulator clock)
 * @param type      {@code StateUpdate}, {@code ConfigurationUpdate} or {@code Action}
 * @param summary   e.g. {@code Alarm updated from OK to ALARM}
 * @param data      the machine-readable detail, a JSON document as a string
 */
record AlarmHistoryItem(String alarmName, String alarmType, Instant timestamp, String type, String summary,
                        String data) {
    static final String STATE_UPDATE = "StateUpdate";
    static final String CONFIGURATION_UPDATE = "ConfigurationUpdate";
    static final String ACTION = "Action";
}
