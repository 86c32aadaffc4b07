package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A rule's stored result for one resource
 * (https://docs.aws.amazon.com/config/latest/APIReference/API_EvaluationResult.html).
 *
 * @param orderingTimestamp    when the triggering configuration item was captured (or the periodic run began)
 * @param configRuleInvokedTime when Config started the evaluation
 * @param resultRecordedTime   when Config stored the result
 */
record EvaluationResult(String ruleName, String resourceType, String resourceId, String complianceType,
                        String annotation, Instant orderingTimestamp, Instant configRuleInvokedTime,
                        Instant resultRecordedTime) {

    record Key(String resourceType, String resourceId) {
    }

    Key key() {
        return new Key(resourceType, resourceId);
    }

    /** The API shape, timestamps as epoch seconds. */
    ObjectNode toApi() {
        ObjectNode out = Json.object();
        ObjectNode identifier = out.putObject("EvaluationResultIdentifier");
        identifier.putObject("EvaluationResultQualifier").put("ConfigRuleName", ruleName)
                .put("ResourceType", resourceType).put("ResourceId", resourceId)
                .put("EvaluationMode", "DETECTIVE");
        identifier.put("OrderingTimestamp", seconds(orderingTimestamp));
        out.put("ComplianceType", complianceType);
        out.put("ResultRecordedTime", seconds(resultRecordedTime));
        out.put("ConfigRuleInvokedTime", seconds(configRuleInvokedTime));
        if (annotation != null) {
            out.put("Annotation", annotation);
        }
        return out;
    }

    /** The shape of a compliance-change notification: lower camel case, ISO-8601 timestamps, null annotation kept. */
    ObjectNode toNotification() {
        ObjectNode out = Json.object();
        ObjectNode identifier = out.putObject("evaluationResultIdentifier");
        identifier.putObject("evaluationResultQualifier").put("configRuleName", ruleName)
                .put("resourceType", resourceType).put("resourceId", resourceId);
        identifier.put("orderingTimestamp", iso(orderingTimestamp));
        out.put("complianceType", complianceType);
        out.put("resultRecordedTime", iso(resultRecordedTime));
        out.put("configRuleInvokedTime", iso(configRuleInvokedTime));
        out.put("annotation", annotation);
        out.putNull("resultToken");
        return out;
    }

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Notifications write times with milliseconds always ({@code 2016-09-27T19:48:40.619Z}). */
    static String iso(Instant time) {
        return ISO_MILLIS.format(time);
    }

    static BigDecimal seconds(Instant time) {
        return BigDecimal.valueOf(time.toEpochMilli(), 3);
    }
}
