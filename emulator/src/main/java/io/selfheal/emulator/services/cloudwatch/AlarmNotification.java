package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an alarm action sends. To SNS: the alarm notification JSON of "Using Amazon CloudWatch alarms → Alarm actions"
 * (AlarmName … Trigger{…}) with the subject {@code ALARM: "<name>" in <Region name>}. To Lambda: the alarm-action
 * payload ({@code source}, {@code alarmArn}, {@code accountId}, {@code time}, {@code region}, {@code alarmData}),
 * which is not an EventBridge event (see the reference {@code cloudwatch-alarm-lambda-action-payload.json}).
 */
final class AlarmNotification {
    /** SNS subjects must be under 100 characters; CloudWatch shortens long alarm names to fit. */
    private static final int MAX_SUBJECT = 99;
    private static final Map<String, String> REGION_NAMES = Map.ofEntries(
            Map.entry("us-east-1", "US East (N. Virginia)"), Map.entry("us-east-2", "US East (Ohio)"),
            Map.entry("us-west-1", "US West (N. California)"), Map.entry("us-west-2", "US West (Oregon)"),
            Map.entry("ca-central-1", "Canada (Central)"), Map.entry("eu-west-1", "EU (Ireland)"),
            Map.entry("eu-west-2", "EU (London)"), Map.entry("eu-west-3", "EU (Paris)"),
            Map.entry("eu-central-1", "EU (Frankfurt)"), Map.entry("eu-north-1", "EU (Stockholm)"),
            Map.entry("eu-south-1", "EU (Milan)"), Map.entry("ap-northeast-1", "Asia Pacific (Tokyo)"),
            Map.entry("ap-northeast-2", "Asia Pacific (Seoul)"), Map.entry("ap-northeast-3", "Asia Pacific (Osaka)"),
            Map.entry("ap-southeast-1", "Asia Pacific (Singapore)"),
            Map.entry("ap-southeast-2", "Asia Pacific (Sydney)"), Map.entry("ap-south-1", "Asia Pacific (Mumbai)"),
            Map.entry("ap-east-1", "Asia Pacific (Hong Kong)"), Map.entry("sa-east-1", "South America (Sao Paulo)"),
            Map.entry("me-south-1", "Middle East (Bahrain)"), Map.entry("af-south-1", "Africa (Cape Town)"));

    private AlarmNotification() {
    }

    static String regionName(String region) {
        return REGION_NAMES.getOrDefault(region, region);
    }

    static String subject(AlarmTransition t) {
        return subject(t.current().value(), t.definition().name(), t.region());
    }

    static String subject(String state, String alarmName, String region) {
        String subject = state + ": \"" + alarmName + "\" in " + regionName(region);
        return subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT) : subject;
    }

    static String snsMessage(AlarmTransition t) {
        AlarmDefinition d = t.definition();
        ObjectNode m = Json.object().put("AlarmName", d.name());
        if (d.description() != null) {
            m.put("AlarmDescription", d.description());
        } else {
            m.putNull("AlarmDescription");
        }
        m.put("AWSAccountId", t.accountId())
                .put("AlarmConfigurationUpdatedTimestamp", AlarmStateChangeEvent.timestamp(t.configurationUpdated()))
                .put("NewStateValue", t.current().value())
                .put("NewStateReason", t.current().reason())
                .put("StateChangeTime", AlarmStateChangeEvent.timestamp(t.current().timestamp()))
                .put("Region", regionName(t.region()))
                .put("AlarmArn", t.arn())
                .put("OldStateValue", t.previous().value());
        m.set("OKActions", strings(d.okActions()));
        m.set("AlarmActions", strings(d.alarmActions()));
        m.set("InsufficientDataActions", strings(d.insufficientDataActions()));
        ObjectNode trigger = m.putObject("Trigger").put("MetricName", d.metricName()).put("Namespace", d.namespace());
        if (d.statistic() != null) {
            // Notifications spell standard statistics in capitals ("AVERAGE"), unlike the API.
            trigger.put("StatisticType", "Statistic").put("Statistic", d.statistic().toUpperCase(Locale.ROOT));
        } else {
            trigger.put("StatisticType", "ExtendedStatistic").put("ExtendedStatistic", d.extendedStatistic());
        }
        if (d.unit() != null) {
            trigger.put("Unit", d.unit());
        } else {
            trigger.putNull("Unit");
        }
        ArrayNode dimensions = trigger.putArray("Dimensions");
        d.dimensions().forEach(dim -> dimensions.addObject().put("value", dim.value()).put("name", dim.name()));
        trigger.put("Period", d.period()).put("EvaluationPeriods", d.evaluationPeriods());
        if (d.datapointsToAlarm() != null) {
            trigger.put("DatapointsToAlarm", d.datapointsToAlarm());
        }
        trigger.put("ComparisonOperator", d.comparisonOperator()).put("Threshold", d.threshold())
                .put("TreatMissingData", d.treatMissingData() == null ? "" : d.treatMissingData())
                .put("EvaluateLowSampleCountPercentile",
                        d.evaluateLowSampleCountPercentile() == null ? "" : d.evaluateLowSampleCountPercentile());
        return m.toString();
    }

    static byte[] lambdaPayload(AlarmTransition t) {
        ObjectNode p = Json.object().put("source", AlarmStateChangeEvent.SOURCE).put("alarmArn", t.arn())
                .put("accountId", t.accountId())
                .put("time", AlarmStateChangeEvent.timestamp(t.current().timestamp()))
                .put("region", t.region());
        p.set("alarmData", AlarmStateChangeEvent.detail(t.definition(), t.metricId(), t.previous(), t.current()));
        return p.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = Json.array();
        values.forEach(array::add);
        return array;
    }
}
