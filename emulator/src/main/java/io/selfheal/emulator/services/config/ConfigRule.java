package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Config rule (https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigRule.html): its definition, its
 * evaluation status and its current results, one per resource. Guarded by its {@link RulesRegion}.
 */
final class ConfigRule {
    static final String AWS = "AWS";
    static final String CUSTOM_LAMBDA = "CUSTOM_LAMBDA";

    /** What {@code PutConfigRule} defines; replaced whole when the rule is put again. */
    record Definition(String name, String description, RuleScope scope, String owner, String sourceIdentifier,
                      List<SourceDetail> sourceDetails, String inputParameters, Map<String, String> parameters,
                      ExecutionFrequency frequency, ManagedRule managed) {

        boolean changeTriggered() {
            return managed != null ? managed.changeTriggered()
                    : sourceDetails.stream().anyMatch(SourceDetail::changeTriggered);
        }

        boolean oversizedTriggered() {
            return sourceDetails.stream().anyMatch(d -> d.messageType().equals(SourceDetail.OVERSIZED));
        }

        /** How often it runs periodically, or null when it is not periodic. */
        ExecutionFrequency periodic() {
            if (managed != null) {
                return managed.periodic() ? (frequency != null ? frequency : ExecutionFrequency.DEFAULT) : null;
            }
            return sourceDetails.stream().filter(d -> d.messageType().equals(SourceDetail.SCHEDULED)).findFirst()
                    .map(d -> d.frequency() != null ? d.frequency()
                            : frequency != null ? frequency : ExecutionFrequency.DEFAULT)
                    .orElse(null);
        }

        /** The resource types it evaluates when its scope names none (null: every recorded type). */
        List<String> resourceTypes() {
            if (!scope.resourceTypes().isEmpty()) {
                return scope.resourceTypes();
            }
            return managed != null ? List.copyOf(managed.resourceTypes()) : null;
        }

        /** Whether a configuration item is in the rule's scope (a managed rule's own types included). */
        boolean inScope(ObjectNode item) {
            List<String> types = resourceTypes();
            return item != null && scope.matches(item)
                    && (types == null || types.contains(item.path("resourceType").asText()));
        }
    }

    final String id;
    final String arn;
    final String accountId;
    final String region;
    volatile Definition definition;
    final Instant firstActivatedTime;
    Instant lastSuccessfulInvocationTime;
    Instant lastFailedInvocationTime;
    Instant lastSuccessfulEvaluationTime;
    Instant lastFailedEvaluationTime;
    String lastErrorCode;
    String lastErrorMessage;
    boolean firstEvaluationStarted;
    boolean deleted;
    EmulatorClock.Timer periodic;
    final Map<EvaluationResult.Key, EvaluationResult> results = new LinkedHashMap<>();

    ConfigRule(String id, String arn, String accountId, String region, Definition definition, Instant now) {
        this.id = id;
        this.arn = arn;
        this.accountId = accountId;
        this.region = region;
        this.definition = definition;
        this.firstActivatedTime = now;
    }

    String name() {
        return definition.name();
    }

    ObjectNode toApi() {
        Definition d = definition;
        ObjectNode out = Json.object().put("ConfigRuleName", d.name()).put("ConfigRuleArn", arn)
                .put("ConfigRuleId", id);
        if (d.description() != null) {
            out.put("Description", d.description());
        }
        if (!d.scope().isEmpty()) {
            out.set("Scope", d.scope().toJson());
        }
        ObjectNode source = out.putObject("Source").put("Owner", d.owner())
                .put("SourceIdentifier", d.sourceIdentifier());
        if (!d.sourceDetails().isEmpty()) {
            d.sourceDetails().forEach(s -> source.withArray("SourceDetails").add(s.toJson()));
        }
        if (d.inputParameters() != null) {
            out.put("InputParameters", d.inputParameters());
        }
        if (d.frequency() != null) {
            out.put("MaximumExecutionFrequency", d.frequency().name());
        }
        out.put("ConfigRuleState", "ACTIVE");
        out.putArray("EvaluationModes").addObject().put("Mode", "DETECTIVE");
        return out;
    }

    /** https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigRuleEvaluationStatus.html */
    ObjectNode status() {
        ObjectNode out = Json.object().put("ConfigRuleName", name()).put("ConfigRuleArn", arn)
                .put("ConfigRuleId", id);
        time(out, "LastSuccessfulInvocationTime", lastSuccessfulInvocationTime);
        time(out, "LastFailedInvocationTime", lastFailedInvocationTime);
        time(out, "LastSuccessfulEvaluationTime", lastSuccessfulEvaluationTime);
        time(out, "LastFailedEvaluationTime", lastFailedEvaluationTime);
        time(out, "FirstActivatedTime", firstActivatedTime);
        if (lastErrorCode != null) {
            out.put("LastErrorCode", lastErrorCode).put("LastErrorMessage", lastErrorMessage);
        }
        out.put("FirstEvaluationStarted", firstEvaluationStarted);
        return out;
    }

    private static void time(ObjectNode out, String name, Instant value) {
        if (value != null) {
            out.put(name, EvaluationResult.seconds(value));
        }
    }
}
