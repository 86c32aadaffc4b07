package io.selfheal.emulator.services.cloudwatch;

import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.messages.PutMetricData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stores the metrics emulated services publish on the internal bus ({@code AWS/Events Invocations} …), as AWS services
 * publish theirs to CloudWatch. These are trusted: the {@code AWS/} namespaces callers may not use are theirs, and
 * nothing is validated beyond what a record can hold.
 */
final class ServiceMetricsSubscriber {
    private final RegionalStore<MetricStore> store;
    private final EmulatorClock clock;

    ServiceMetricsSubscriber(RegionalStore<MetricStore> store, EmulatorClock clock) {
        this.store = store;
        this.clock = clock;
    }

    void accept(PutMetricData message) {
        Instant now = clock.now();
        MetricStore metrics = store.get(message.accountId(), message.region());
        for (PutMetricData.Datum d : message.data()) {
            Instant timestamp = d.timestamp() == null ? now : d.timestamp();
            String unit = d.unit() == null ? "None" : d.unit();
            metrics.add(new MetricKey(message.namespace(), d.metricName(), dimensions(d.dimensions())),
                    MetricPoint.value(timestamp, unit, d.value()), now);
        }
    }

    private static List<Dimension> dimensions(Map<String, String> dimensions) {
        List<Dimension> out = new ArrayList<>();
        if (dimensions != null) {
            dimensions.forEach((name, value) -> out.add(new Dimension(name, value)));
        }
        return out;
    }
}
