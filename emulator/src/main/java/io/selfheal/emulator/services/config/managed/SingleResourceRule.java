package io.selfheal.emulator.services.config.managed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.services.config.ConfigurationItems;
import io.selfheal.emulator.services.config.ManagedRule;
import io.selfheal.emulator.services.config.RuleEvaluation;
import java.util.List;
import java.util.Map;

/**
 * A managed rule that judges one resource at a time from its own item: an item of a type the rule does not know
 * gets no evaluation, a deleted resource is NOT_APPLICABLE, and everything else is the rule's {@link #judge}.
 */
abstract class SingleResourceRule implements ManagedRule {

    @Override
    public final List<RuleEvaluation> evaluate(ObjectNode item, Map<String, String> parameters,
                                               ConfigurationItems items) {
        ConfigItem ci = new ConfigItem(item);
        if (!inReach(ci.resourceType())) {
            return List.of();
        }
        return List.of(ci.deleted() ? ci.notApplicable() : judge(ci, parameters, items));
    }

    /** Whether the rule can judge this type; its default scope unless it judges any type (required-tags). */
    boolean inReach(String resourceType) {
        return resourceTypes().contains(resourceType);
    }

    abstract RuleEvaluation judge(ConfigItem item, Map<String, String> parameters, ConfigurationItems items);
}
