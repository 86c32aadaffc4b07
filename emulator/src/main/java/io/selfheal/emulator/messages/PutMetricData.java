package io.selfheal.emulator.messages;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Metric data a service publishes to CloudWatch, as AWS services publish theirs (AWS/Events Invocations, AWS/EC2
 * CPUUtilization …). Fire and forget: {@code bus.publish(new PutMetricData(…))}.
 *
 * @param accountId the account the metrics belong to
 * @param region    their region
 * @param namespace e.g. {@code AWS/Events}
 * @param data      the data points
 */
public record PutMetricData(String accountId, String region, String namespace, List<Datum> data) {

    /**
     * One data point.
     *
     * @param metricName e.g. {@code Invocations}
     * @param dimensions e.g. {@code {RuleName: my-rule}} (may be empty)
     * @param value      the value
     * @param unit       a CloudWatch unit name ({@code Count}, {@code Percent} …)
     * @param timestamp  when it was measured
     */
    public record Datum(String metricName, Map<String, String> dimensions, double value, String unit,
                        Instant timestamp) {
    }
}
