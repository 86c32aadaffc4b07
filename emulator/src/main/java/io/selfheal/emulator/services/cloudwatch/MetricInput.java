package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Members that several metric operations share (Namespace, MetricName, Dimensions, Period, Unit, lists of numbers),
 * validated against the CloudWatch model's constraints. {@code path} names a member as the query protocol does
 * ({@code MetricData.member.1.Dimensions}), which is how AWS's messages name it.
 */
final class MetricInput {
    static final int MAX_DIMENSIONS = 30;

    private MetricInput() {
    }

    /** Namespace: 1 to 255 ASCII characters without control characters, not starting with a colon. */
    static String namespace(Params p, String name, String path) {
        String namespace = p.string(name);
        if (namespace == null) {
            throw p.errors().missing(path);
        }
        AlarmDefinitionParser.length(p, path, namespace, 1, 255);
        if (namespace.startsWith(":") || !printableAscii(namespace)) {
            throw CloudWatchErrors.invalidValue("The value " + namespace + " for parameter " + path + " is invalid.");
        }
        return namespace;
    }

    static String metricName(Params p, String name, String path) {
        String metricName = p.string(name);
        if (metricName == null) {
            throw p.errors().missing(path);
        }
        return AlarmDefinitionParser.length(p, path, metricName, 1, 255);
    }

    /** Up to 30 name/value pairs with unique names; an empty query list ({@code Dimensions=}) means none. */
    static List<Dimension> dimensions(Params p, String name, String path) {
        List<Dimension> dimensions = new ArrayList<>();
        if (AlarmDefinitionParser.isEmptyList(p.node(name))) {
            return dimensions;
        }
        List<ObjectNode> nodes = p.objects(name);
        if (nodes.size() > MAX_DIMENSIONS) {
            throw CloudWatchErrors.invalidValue("The collection " + path + " must not have a size greater than "
                    + MAX_DIMENSIONS + ".");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            Params d = new Params(nodes.get(i), p.errors());
            String member = path + ".member." + (i + 1);
            String dimensionName = required(d, "Name", member + ".Name", 1, 255);
            String value = required(d, "Value", member + ".Value", 1, 1024);
            if (!names.add(dimensionName)) {
                throw CloudWatchErrors.invalidValue("The collection " + path
                        + " must not contain duplicate dimension names: " + dimensionName);
            }
            dimensions.add(new Dimension(dimensionName, value));
        }
        return dimensions;
    }

    /**
     * Period: "a period can be as short as one minute (60 seconds) and must be a multiple of 60"; high-resolution
     * metrics also allow 1, 5, 10, 20 and 30 (GetMetricStatistics, GetMetricData StartTime).
     */
    static int period(Params p, String name, String path) {
        Integer period = p.integer(name);
        if (period == null) {
            throw p.errors().missing(path);
        }
        if (period < 1) {
            throw p.errors().invalid(path, Integer.toString(period), "Member must have value greater than or equal to 1");
        }
        if (period % 60 != 0 && period != 1 && period != 5 && period != 10 && period != 20 && period != 30) {
            throw CloudWatchErrors.invalidValue("The parameter " + path
                    + " must be 1, 5, 10, 20, 30 or a multiple of 60.");
        }
        return period;
    }

    /** @return the unit, or null when absent */
    static String unit(Params p, String name, String path) {
        String unit = p.string(name);
        return unit == null ? null : AlarmDefinitionParser.oneOf(p, path, unit, AlarmDefinitionParser.UNITS);
    }

    /** A list of numbers: strings over query, numbers over JSON. */
    static double[] numbers(Params p, String name, String path) {
        JsonNode n = p.node(name);
        if (AlarmDefinitionParser.isEmptyList(n)) {
            return new double[0];
        }
        List<JsonNode> elements = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(elements::add);
        } else {
            elements.add(n);
        }
        double[] out = new double[elements.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(elements.get(i), path + ".member." + (i + 1), p);
        }
        return out;
    }

    static double number(JsonNode n, String path, Params p) {
        if (n.isNumber()) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(n.asText().trim());
        } catch (NumberFormatException e) {
            throw p.errors().invalid(path, n.asText(), "Member must be a number");
        }
    }

    private static String required(Params p, String name, String path, int min, int max) {
        String value = p.string(name);
        if (value == null) {
            throw p.errors().missing(path);
        }
        return AlarmDefinitionParser.length(p, path, value, min, max);
    }

    private static boolean printableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
