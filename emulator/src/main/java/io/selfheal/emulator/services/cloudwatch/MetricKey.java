package io.selfheal.emulator.services.cloudwatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A metric's identity: namespace, name and dimension set. "CloudWatch treats each unique combination of dimensions
 * as a separate metric" (User Guide, "CloudWatch concepts", Dimensions), and the order they were sent in does not
 * matter, so dimensions are kept sorted by name (names are unique within a metric).
 */
record MetricKey(String namespace, String metricName, List<Dimension> dimensions) {
    private static final Comparator<Dimension> BY_NAME = Comparator.comparing(Dimension::name);

    MetricKey {
        List<Dimension> sorted = new ArrayList<>(dimensions);
        sorted.sort(BY_NAME);
        dimensions = List.copyOf(sorted);
    }

    /** The order ListMetrics lists metrics in, and what its NextToken continues after. */
    String sortKey() {
        StringBuilder sb = new StringBuilder(namespace).append('\u0000').append(metricName);
        for (Dimension d : dimensions) {
            sb.append('\u0000').append(d.name()).append('=').append(d.value());
        }
        return sb.toString();
    }

    /** ListMetrics' DimensionFilter: the metric has a dimension of that name (and that value, when given). */
    boolean hasDimension(String name, String value) {
        return dimensions.stream().anyMatch(d -> d.name().equals(name) && (value == null || d.value().equals(value)));
    }
}
