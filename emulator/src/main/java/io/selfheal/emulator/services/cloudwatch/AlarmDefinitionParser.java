package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.service.Names;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates PutMetricAlarm (API reference). Model constraints (enums, lengths, ranges) answer
 * {@code ValidationError} in AWS's "1 validation error detected" words; missing members {@code MissingParameter};
 * Statistic together with ExtendedStatistic {@code InvalidParameterCombination}. Metric math and anomaly detection
 * alarms ({@code Metrics}, {@code ThresholdMetricId}) are not modelled yet and are refused.
 */
final class AlarmDefinitionParser {
    static final List<String> STATISTICS = List.of("SampleCount", "Average", "Sum", "Minimum", "Maximum");
    static final List<String> COMPARISON_OPERATORS = List.of("GreaterThanOrEqualToThreshold", "GreaterThanThreshold",
            "LessThanThreshold", "LessThanOrEqualToThreshold");
    static final List<String> TREAT_MISSING_DATA = List.of("breaching", "notBreaching", "ignore", "missing");
    static final List<String> UNITS = List.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second",
            "None");
    /** Percentiles (p99.9), trimmed and windsorized statistics (tm90, TM(10%:90%)), IQM, percentile rank PR(a:b). */
    private static final Pattern EXTENDED_STATISTIC =
            Pattern.compile("(p|tm|tc|ts|wm)(\\d{1,2}(\\.\\d{0,10})?|100)|IQM|(TM|TC|TS|WM|PR)\\([^)]*\\)");
    private static final Pattern EC2_ACTION =
            Pattern.compile("arn:aws:automate:[a-z0-9-]+:ec2:(stop|terminate|reboot|recover)");
    private static final int MAX_ACTIONS = 5;
    private static final int MAX_DIMENSIONS = 30;
    private static final int ONE_DAY = 86_400;
    private static final int SEVEN_DAYS = 604_800;

    private AlarmDefinitionParser() {
    }

    static AlarmDefinition parse(Params p) {
        if (p.has("Metrics") || p.has("ThresholdMetricId")) {
            throw AwsException.badRequest("InvalidParameterValue", "Metric math and anomaly detection alarms "
                    + "(Metrics, ThresholdMetricId) are not supported by the selfheal emulator yet.");
        }
        String name = alarmName(p);
        String description = optionalLength(p, "AlarmDescription", 0, 1024);
        String metricName = length(p, "MetricName", p.required("MetricName"), 1, 255);
        String namespace = length(p, "Namespace", p.required("Namespace"), 1, 255);
        String statistic = p.string("Statistic");
        String extended = p.string("ExtendedStatistic");
        if (statistic != null && extended != null) {
            throw AwsException.badRequest("InvalidParameterCombination",
                    "Exactly one of Statistic or ExtendedStatistic must be specified.");
        }
        if (statistic == null && extended == null) {
            throw p.errors().missing("Statistic");
        }
        if (statistic != null) {
            oneOf(p, "Statistic", statistic, STATISTICS);
        }
        if (extended != null && !EXTENDED_STATISTIC.matcher(extended).matches()) {
            throw p.errors().invalid("ExtendedStatistic", extended,
                    "Member must be a percentile or other extended statistic, such as p99 or tm90");
        }
        int period = period(p);
        int evaluationPeriods = atLeastOne(p, "EvaluationPeriods", requiredInt(p, "EvaluationPeriods"));
        long total = (long) period * evaluationPeriods;
        if (total > SEVEN_DAYS || period < 3600 && total > ONE_DAY) {
            throw AwsException.badRequest("ValidationError", "The evaluation period (Period multiplied by "
                    + "EvaluationPeriods) can't be longer than " + (period < 3600 ? "one day (86,400 seconds) for "
                    + "alarms with a period under one hour." : "seven days (604,800 seconds)."));
        }
        Integer datapoints = p.integer("DatapointsToAlarm");
        if (datapoints != null) {
            atLeastOne(p, "DatapointsToAlarm", datapoints);
            if (datapoints > evaluationPeriods) {
                throw AwsException.badRequest("ValidationError",
                        "DatapointsToAlarm must be less than or equal to EvaluationPeriods.");
            }
        }
        Double threshold = p.finiteNumber("Threshold");
        if (threshold == null) {
            throw p.errors().missing("Threshold");
        }
        String comparison = p.string("ComparisonOperator");
        if (comparison == null) {
            throw p.errors().missing("ComparisonOperator");
        }
        oneOf(p, "ComparisonOperator", comparison, COMPARISON_OPERATORS);
        String treatMissingData = p.string("TreatMissingData");
        if (treatMissingData != null) {
            oneOf(p, "TreatMissingData", treatMissingData, TREAT_MISSING_DATA);
        }
        String lowSampleCount = p.string("EvaluateLowSampleCountPercentile");
        if (lowSampleCount != null) {
            oneOf(p, "EvaluateLowSampleCountPercentile", lowSampleCount, List.of("evaluate", "ignore"));
        }
        String unit = p.string("Unit");
        if (unit != null) {
            oneOf(p, "Unit", unit, UNITS);
        }
        List<Dimension> dimensions = dimensions(p);
        List<String> okActions = actions(p, "OKActions");
        List<String> alarmActions = actions(p, "AlarmActions");
        List<String> insufficientDataActions = actions(p, "InsufficientDataActions");
        checkEc2Actions(dimensions, okActions, alarmActions, insufficientDataActions);
        return new AlarmDefinition(name, description, p.bool("ActionsEnabled", true), okActions,
                alarmActions, insufficientDataActions, metricName, namespace, statistic,
                extended, dimensions, period, unit, evaluationPeriods, datapoints, threshold, comparison,
                treatMissingData, lowSampleCount);
    }

    /** Period: "Valid values are 10, 20, 30, and any multiple of 60." */
    private static int period(Params p) {
        int period = atLeastOne(p, "Period", requiredInt(p, "Period"));
        if (period != 10 && period != 20 && period != 30 && period % 60 != 0) {
            throw AwsException.badRequest("ValidationError", "Period must be 10, 20, 30 or a multiple of 60.");
        }
        return period;
    }

    private static List<Dimension> dimensions(Params p) {
        List<Dimension> dimensions = new ArrayList<>();
        Set<String> names = new HashSet<>();
        if (isEmptyList(p.node("Dimensions"))) {
            return dimensions;
        }
        for (ObjectNode d : p.objects("Dimensions")) {
            Params dimension = new Params(d, p.errors());
            String name = length(p, "Dimensions.member.Name", dimension.required("Name"), 1, 255);
            String value = length(p, "Dimensions.member.Value", dimension.required("Value"), 1, 1024);
            if (!names.add(name)) {
                throw AwsException.badRequest("InvalidParameterValue",
                        "The collection Dimensions must not contain duplicate dimension names: " + name);
            }
            dimensions.add(new Dimension(name, value));
        }
        if (dimensions.size() > MAX_DIMENSIONS) {
            throw p.errors().invalid("Dimensions", Integer.toString(dimensions.size()),
                    "Member must have length less than or equal to " + MAX_DIMENSIONS);
        }
        return List.copyOf(dimensions);
    }

    /**
     * EC2 actions ("Create alarms to stop, terminate, reboot, or recover an EC2 instance", EC2 User Guide): only
     * {@code arn:aws:automate:<region>:ec2:stop|terminate|reboot|recover}, and only on an alarm whose metric names an
     * instance by its {@code InstanceId} dimension.
     */
    @SafeVarargs
    static void checkEc2Actions(List<Dimension> dimensions, List<String>... lists) {
        boolean instance = dimensions.stream().anyMatch(d -> d.name().equals("InstanceId"));
        for (List<String> list : lists) {
            for (String arn : list) {
                if (!arn.startsWith("arn:aws:automate:")) {
                    continue;
                }
                if (!EC2_ACTION.matcher(arn).matches()) {
                    throw AwsException.badRequest("ValidationError", "Invalid EC2 action: " + arn
                            + ". Valid EC2 actions are arn:aws:automate:<region>:ec2:stop, terminate, reboot and "
                            + "recover.");
                }
                if (!instance) {
                    throw AwsException.badRequest("ValidationError", "Invalid use of EC2 action " + arn
                            + ": EC2 actions can only be used on alarms whose metric has an InstanceId dimension.");
                }
            }
        }
    }

    /** Up to five ARNs. The SDK sends an explicitly empty list as {@code AlarmActions=}, which means none. */
    static List<String> actions(Params p, String name) {
        if (isEmptyList(p.node(name))) {
            return List.of();
        }
        List<String> actions = p.strings(name);
        if (actions.size() > MAX_ACTIONS) {
            throw p.errors().invalid(name, Integer.toString(actions.size()),
                    "Member must have length less than or equal to " + MAX_ACTIONS);
        }
        for (String arn : actions) {
            if (!arn.startsWith("arn:") || arn.length() > 1024) {
                throw AwsException.badRequest("ValidationError", "Invalid " + name + " ARN: " + arn);
            }
        }
        return List.copyOf(actions);
    }

    static boolean isEmptyList(JsonNode node) {
        return node == null || node.isTextual() && node.asText().isEmpty();
    }

    static String oneOf(Params p, String name, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw p.errors().invalid(name, value, "Member must satisfy enum value set: " + allowed);
        }
        return value;
    }

    /**
     * "The name must contain only UTF-8 characters, and can't contain ASCII control characters", 1 to 255 of them:
     * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html (and
     * API_PutCompositeAlarm.html). A name that broke this would also break every answer that lists it.
     */
    static String alarmName(Params p) {
        String name = length(p, "AlarmName", p.required("AlarmName"), 1, 255);
        if (!Names.printableUnicode(name)) {
            throw p.errors().invalid("AlarmName", name, Names.PRINTABLE_UNICODE);
        }
        return name;
    }

    static String length(Params p, String name, String value, int min, int max) {
        if (value.length() < min) {
            throw p.errors().invalid(name, value, "Member must have length greater than or equal to " + min);
        }
        if (value.length() > max) {
            throw p.errors().invalid(name, value, "Member must have length less than or equal to " + max);
        }
        return value;
    }

    private static String optionalLength(Params p, String name, int min, int max) {
        String value = p.string(name);
        return value == null ? null : length(p, name, value, min, max);
    }

    private static int requiredInt(Params p, String name) {
        Integer value = p.integer(name);
        if (value == null) {
            throw p.errors().missing(name);
        }
        return value;
    }

    private static int atLeastOne(Params p, String name, int value) {
        if (value < 1) {
            throw p.errors().invalid(name, Integer.toString(value), "Member must have value greater than or equal to 1");
        }
        return value;
    }
}
