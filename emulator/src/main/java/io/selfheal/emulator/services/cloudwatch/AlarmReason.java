package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * StateReason and StateReasonData of an evaluated transition, in the words and JSON keys CloudWatch uses (as seen in
 * DescribeAlarms, alarm history and the state-change event): {@code Threshold Crossed: 5 out of the last 5 datapoints
 * [99.0 (24/11/26 10:04:00), …] were greater than the threshold (90.0) (minimum 5 datapoints for OK -> ALARM
 * transition).}, {@code Insufficient Data: 5 datapoints were unknown.}, and reason data with {@code version},
 * {@code queryDate}, {@code startDate}, {@code statistic}, {@code period}, {@code recentDatapoints},
 * {@code threshold}, {@code evaluatedDatapoints}.
 */
final class AlarmReason {
    private static final DateTimeFormatter DATAPOINT_TIME =
            DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss").withZone(ZoneOffset.UTC);

    private final AlarmDefinition d;
    private final List<Datapoint> range;
    private final List<Datapoint> evaluated;
    private final Instant queryDate;

    /** @param evaluated the N datapoints evaluated (real and filled), newest first */
    AlarmReason(AlarmDefinition d, List<Datapoint> range, List<Datapoint> evaluated, Instant queryDate) {
        this.d = d;
        this.range = range;
        this.evaluated = evaluated;
        this.queryDate = queryDate;
    }

    /**
     * A threshold decision: {@code count} of the last N datapoints support {@code target} (breach for ALARM, do not
     * for OK), {@code filled} of them being missing datapoints treated as such.
     */
    AlarmEvaluator.Outcome threshold(String target, String current, long count, int filled) {
        boolean alarm = target.equals("ALARM");
        List<Datapoint> supporting = evaluated.stream()
                .filter(p -> !p.missing() && AlarmEvaluator.breaches(d, p.value()) == alarm).toList();
        String values = "[" + supporting.stream().map(p -> p.value() + " (" + DATAPOINT_TIME.format(p.timestamp())
                + ")").collect(Collectors.joining(", ")) + "]";
        String comparison = (alarm ? "" : "not ") + operatorWords() + " the threshold (" + d.threshold() + ")";
        int n = d.evaluationPeriods();
        String reason;
        if (n == 1) {
            reason = "Threshold Crossed: 1 datapoint " + values + " was " + comparison + ".";
        } else {
            int minimum = alarm ? d.datapoints() : n - d.datapoints() + 1;
            reason = "Threshold Crossed: " + count + " out of the last " + n + " datapoints " + values + " "
                    + (count == 1 ? "was " : "were ") + comparison + " (minimum " + minimum + " datapoint"
                    + (minimum == 1 ? "" : "s") + " for " + current + " -> " + target + " transition).";
        }
        if (filled > 0) {
            reason = reason.substring(0, reason.length() - 1) + " (" + filled + " missing datapoint"
                    + (filled == 1 ? " was" : "s were") + " treated as [" + (alarm ? "Breaching" : "NonBreaching")
                    + "]).";
        }
        return new AlarmEvaluator.Outcome(target, reason, data());
    }

    /** No datapoint in the range, and TreatMissingData decides. */
    AlarmEvaluator.Outcome allMissing(String target, String treatedAs) {
        int n = d.evaluationPeriods();
        String reason = "Threshold Crossed: no datapoints were received for " + n + " period" + (n == 1 ? "" : "s")
                + " and " + n + " missing datapoint" + (n == 1 ? " was" : "s were") + " treated as [" + treatedAs
                + "].";
        return new AlarmEvaluator.Outcome(target, reason, data());
    }

    AlarmEvaluator.Outcome insufficientData(int n) {
        return new AlarmEvaluator.Outcome(AlarmState.INSUFFICIENT_DATA, "Insufficient Data: " + n + " datapoint"
                + (n == 1 ? " was" : "s were") + " unknown.", data());
    }

    private String operatorWords() {
        return switch (d.comparisonOperator()) {
            case "GreaterThanOrEqualToThreshold" -> "greater than or equal to";
            case "GreaterThanThreshold" -> "greater than";
            case "LessThanThreshold" -> "less than";
            default -> "less than or equal to";
        };
    }

    /** StateReasonData; missing evaluated datapoints carry only their timestamp, as in AWS's samples. */
    private String data() {
        ObjectNode data = Json.object().put("version", "1.0")
                .put("queryDate", AlarmStateChangeEvent.timestamp(queryDate));
        if (!evaluated.isEmpty()) {
            data.put("startDate", AlarmStateChangeEvent.timestamp(evaluated.get(evaluated.size() - 1).timestamp()));
        }
        data.put(d.statistic() != null ? "statistic" : "extendedStatistic", d.stat());
        if (d.unit() != null) {
            data.put("unit", d.unit());
        }
        data.put("period", d.period());
        ArrayNode recent = data.putArray("recentDatapoints");
        range.stream().filter(p -> !p.missing()).forEach(p -> recent.add(p.value()));
        data.put("threshold", d.threshold());
        ArrayNode points = data.putArray("evaluatedDatapoints");
        for (Datapoint p : evaluated) {
            ObjectNode point = points.addObject().put("timestamp", AlarmStateChangeEvent.timestamp(p.timestamp()));
            if (!p.missing()) {
                point.put("sampleCount", p.sampleCount()).put("value", p.value());
            }
        }
        return data.toString();
    }
}
