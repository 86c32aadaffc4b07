package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code AWS_CONFIG_PROCESS_CHECK}: a process check, a rule for a manual or external process that Config never
 * evaluates; its results for the account come from {@code PutExternalEvaluation}
 * (https://docs.aws.amazon.com/config/latest/developerguide/conformance-pack-process-check.html).
 */
final class ProcessCheck implements ManagedRule {
    static final String IDENTIFIER = "AWS_CONFIG_PROCESS_CHECK";
    static final String ACCOUNT_TYPE = "AWS::::Account";

    @Override
    public String identifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(ACCOUNT_TYPE);
    }

    @Override
    public boolean changeTriggered() {
        return false;
    }

    @Override
    public boolean periodic() {
        return false;
    }

    @Override
    public Map<String, String> parameters(Map<String, String> input) {
        return Map.copyOf(input);
    }

    @Override
    public List<RuleEvaluation> evaluate(ObjectNode item, Map<String, String> parameters, ConfigurationItems items) {
        return List.of();
    }
}
