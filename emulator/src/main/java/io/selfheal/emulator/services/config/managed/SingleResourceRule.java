package io.selfheal.emulator.services.config.managed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.services.config.ConfigurationItems;
import io.selfheal.emulator.services.config.ManagedRule;
import io.selfheal.emulator.services.config.RuleEvaluation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A managed rule that judges one resource at a time from its own item, its page's facts given once to the
 * constructor: an item of a type the rule does not know gets no evaluation, a deleted resource is NOT_APPLICABLE, and
 * everything else is the rule's {@link #judge}.
 */
abstract class SingleResourceRule implements ManagedRule {
    /** The page's "Trigger type". */
    enum Trigger { CHANGES, CHANGES_AND_PERIODIC }

    static final Set<String> SECURITY_GROUP = Set.of("AWS::EC2::SecurityGroup");

    private final String identifier;
    private final Set<String> resourceTypes;
    private final Trigger trigger;

    SingleResourceRule(String identifier, Set<String> resourceTypes, Trigger trigger) {
        this.identifier = identifier;
        this.resourceTypes = Set.copyOf(resourceTypes);
        this.trigger = trigger;
    }

    @Override
    public final String identifier() {
        return identifier;
    }

    @Override
    public final Set<String> resourceTypes() {
        return resourceTypes;
    }

    @Override
    public final boolean changeTriggered() {
        return true;
    }

    @Override
    public final boolean periodic() {
        return trigger == Trigger.CHANGES_AND_PERIODIC;
    }

    @Override
    public final Map<String, String> parameters(Map<String, String> input) {
        return declared().resolve(input);
    }

    /** The parameters the page lists; none unless overridden. */
    RuleParameters declared() {
        return RuleParameters.none();
    }

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
        return resourceTypes.contains(resourceType);
    }

    abstract RuleEvaluation judge(ConfigItem item, Map<String, String> parameters, ConfigurationItems items);
}
