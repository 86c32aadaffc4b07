package io.selfheal.emulator.services.cloudwatch;

import java.time.Instant;

/**
 * An alarm's state as DescribeAlarms and the state-change event show it.
 *
 * @param value      {@code OK}, {@code ALARM} or {@code INSUFFICIENT_DATA}
 * @param reason     human-readable reason
 * @param reasonData the machine-readable reason, a JSON document as a string; null when there is none
 * @param timestamp  when the alarm entered this state
 */
record AlarmState(String value, String reason, String reasonData, Instant timestamp) {
    static final String INSUFFICIENT_DATA = "INSUFFICIENT_DATA";

    /** What PutMetricAlarm gives a new alarm ("Unchecked: Initial alarm creation"). */
    static AlarmState initial(Instant now) {
        return new AlarmState(INSUFFICIENT_DATA, "Unchecked: Initial alarm creation", null, now);
    }
}
