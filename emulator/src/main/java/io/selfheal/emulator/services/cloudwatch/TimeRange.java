package io.selfheal.emulator.services.cloudwatch;

import io.selfheal.emulator.service.Params;
import java.time.Duration;
import java.time.Instant;

/**
 * The StartTime (inclusive) and EndTime (exclusive) of GetMetricStatistics and GetMetricData, with the start rounded as
 * the API reference describes for StartTime: "less than 15 days ago - Round down to the nearest whole minute", 15 to
 * 63 days to 5 minutes, older to the hour; with a period of 1 to 30 seconds, down to a multiple of the period.
 * Periods are aligned on the rounded start.
 */
record TimeRange(Instant start, Instant end) {

    static TimeRange of(Params p) {
        Instant start = Timestamps.required(p, "StartTime", "StartTime");
        Instant end = Timestamps.required(p, "EndTime", "EndTime");
        if (!start.isBefore(end)) {
            throw CloudWatchErrors.invalidValue("The parameter StartTime must be less than the parameter EndTime.");
        }
        return new TimeRange(start, end);
    }

    Instant alignedStart(int periodSeconds, Instant now) {
        Duration age = Duration.between(start, now);
        long granularity;
        if (age.compareTo(Duration.ofDays(63)) > 0) {
            granularity = 3600;
        } else if (age.compareTo(Duration.ofDays(15)) > 0) {
            granularity = 300;
        } else {
            granularity = periodSeconds < 60 ? periodSeconds : 60;
        }
        return Instant.ofEpochSecond(Math.floorDiv(start.getEpochSecond(), granularity) * granularity);
    }

    /** How many periods the range spans from the aligned start: the most datapoints a series can have. */
    long periods(int periodSeconds, Instant now) {
        long seconds = Duration.between(alignedStart(periodSeconds, now), end).toMillis();
        long periodMillis = periodSeconds * 1000L;
        return (seconds + periodMillis - 1) / periodMillis;
    }
}
