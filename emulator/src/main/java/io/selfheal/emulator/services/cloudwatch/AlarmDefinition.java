package io.selfheal.emulator.services.cloudwatch;

import java.util.List;

/**
 * A single-metric alarm's configuration as PutMetricAlarm sets it (every update overwrites it whole). Optional
 * members are null when the caller did not set them, because DescribeAlarms omits them then.
 */
record AlarmDefinition(
        String name,
        String description,
        boolean actionsEnabled,
        List<String> okActions,
        List<String> alarmActions,
        List<String> insufficientDataActions,
        String metricName,
        String namespace,
        String statistic,
        String extendedStatistic,
        List<Dimension> dimensions,
        int period,
        String unit,
        int evaluationPeriods,
        Integer datapointsToAlarm,
        double threshold,
        String comparisonOperator,
        String treatMissingData,
        String evaluateLowSampleCountPercentile) {

    /** The statistic as metric queries name it: {@code Average}, or the extended one such as {@code p99}. */
    String stat() {
        return statistic != null ? statistic : extendedStatistic;
    }

    /** The actions for a state value ({@code OK}, {@code ALARM}, {@code INSUFFICIENT_DATA}). */
    List<String> actionsFor(String state) {
        return switch (state) {
            case "OK" -> okActions;
            case "ALARM" -> alarmActions;
            default -> insufficientDataActions;
        };
    }

    /** TreatMissingData as evaluation applies it: {@code missing} when unset. */
    String missingData() {
        return treatMissingData != null ? treatMissingData : "missing";
    }

    /** M of "M out of N": DatapointsToAlarm, or EvaluationPeriods when unset. */
    int datapoints() {
        return datapointsToAlarm != null ? datapointsToAlarm : evaluationPeriods;
    }

    AlarmDefinition withActionsEnabled(boolean enabled) {
        return new AlarmDefinition(name, description, enabled, okActions, alarmActions, insufficientDataActions,
                metricName, namespace, statistic, extendedStatistic, dimensions, period, unit, evaluationPeriods,
                datapointsToAlarm, threshold, comparisonOperator, treatMissingData, evaluateLowSampleCountPercentile);
    }
}
