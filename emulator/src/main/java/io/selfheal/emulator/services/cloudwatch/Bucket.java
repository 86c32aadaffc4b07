package io.selfheal.emulator.services.cloudwatch;

import java.time.Instant;

/**
 * The aggregate of one period: a GetMetricStatistics {@code Datapoint}, one value of a GetMetricData series.
 *
 * @param timestamp the start of the period
 * @param unit      the unit of its points; null when points of several units were aggregated together
 * @param aggregate their statistics
 */
record Bucket(Instant timestamp, String unit, Aggregate aggregate) {
}
