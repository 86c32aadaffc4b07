package io.selfheal.emulator.services.cloudwatch;

import java.time.Instant;

/**
 * One period of an alarm's evaluation range.
 *
 * @param timestamp   the start of the period
 * @param value       the alarm's statistic over the period, or null when the period has no data (missing)
 * @param sampleCount how many samples the period had
 */
record Datapoint(Instant timestamp, Double value, double sampleCount) {
    boolean missing() {
        return value == null;
    }
}
