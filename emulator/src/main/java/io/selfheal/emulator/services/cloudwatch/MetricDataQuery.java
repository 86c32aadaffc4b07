package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.regex.Pattern;

/**
 * One {@code MetricDataQuery} of GetMetricData that retrieves a metric ({@code MetricStat}). Queries with an
 * {@code Expression} (metric math, Metrics Insights) are refused: selfheal does not evaluate expressions yet, and
 * answering them wrongly would be worse than saying so.
 *
 * @param id         "The valid characters are letters, numbers, and underscore. The first character must be a
 *                   lowercase letter." (MetricDataQuery)
 * @param label      the caller's label, or the metric name
 * @param returnData whether the result is returned (default true)
 */
record MetricDataQuery(String id, String label, boolean returnData, MetricKey metric, int period, Stat stat,
                       String unit) {
    private static final Pattern ID = Pattern.compile("[a-z][A-Za-z0-9_]*");

    static MetricDataQuery parse(ObjectNode node, Params parent, String path, RequestContext ctx) {
        Params p = new Params(node, parent.errors());
        String id = p.string("Id");
        if (id == null) {
            throw p.errors().missing(path + ".Id");
        }
        AlarmDefinitionParser.length(p, path + ".Id", id, 1, 255);
        if (!ID.matcher(id).matches()) {
            throw CloudWatchErrors.invalidValue("The value " + id + " for parameter " + path + ".Id is invalid. An Id "
                    + "must start with a lowercase letter and contain only letters, numbers and underscores.");
        }
        boolean hasStat = p.has("MetricStat");
        if (p.has("Expression")) {
            if (hasStat) {
                throw CloudWatchErrors.combination("The parameters " + path + ".MetricStat and " + path
                        + ".Expression are mutually exclusive and you have specified both.");
            }
            throw CloudWatchErrors.invalidValue("The selfheal emulator doesn't evaluate metric math or Metrics "
                    + "Insights expressions yet (" + path + ".Expression of query " + id + "); use MetricStat queries.");
        }
        if (!hasStat) {
            throw p.errors().missing(path + ".MetricStat");
        }
        String account = p.string("AccountId");
        if (account != null && !account.equals(ctx.accountId())) {
            throw CloudWatchErrors.invalidValue("The selfheal emulator doesn't model cross-account observability: "
                    + path + ".AccountId must be the caller's account (" + ctx.accountId() + ").");
        }
        Params stat = p.child("MetricStat");
        String statPath = path + ".MetricStat";
        Params metric = stat.child("Metric");
        if (metric == null) {
            throw p.errors().missing(statPath + ".Metric");
        }
        MetricKey key = new MetricKey(
                MetricInput.namespace(metric, "Namespace", statPath + ".Metric.Namespace"),
                MetricInput.metricName(metric, "MetricName", statPath + ".Metric.MetricName"),
                MetricInput.dimensions(metric, "Dimensions", statPath + ".Metric.Dimensions"));
        int period = MetricInput.period(stat, "Period", statPath + ".Period");
        String label = p.string("Label");
        return new MetricDataQuery(id, label == null ? key.metricName() : label, p.bool("ReturnData", true), key,
                period, stat(stat, statPath + ".Stat"), MetricInput.unit(stat, "Unit", statPath + ".Unit"));
    }

    private static Stat stat(Params p, String path) {
        String name = p.string("Stat");
        if (name == null) {
            throw p.errors().missing(path);
        }
        Stat stat = Stat.parse(name);
        if (stat != null) {
            return stat;
        }
        if (Stat.isUnsupportedExtended(name)) {
            throw CloudWatchErrors.invalidValue("The statistic " + name + " (" + path + ") is not supported by the "
                    + "selfheal emulator yet: it computes SampleCount, Average, Sum, Minimum, Maximum and percentiles.");
        }
        throw CloudWatchErrors.invalidValue("The value " + name + " for parameter " + path + " is not a valid "
                + "statistic.");
    }
}
