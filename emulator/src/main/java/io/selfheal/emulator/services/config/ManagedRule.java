package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One AWS managed rule evaluated natively, with the semantics, parameters and annotations of its page in the AWS
 * Config developer guide ("List of AWS Config Managed Rules"). Implementations are pure: they read configuration
 * items and answer evaluations; the rules half of the service decides when to call them, stores the results and
 * publishes compliance changes. Each implementation is registered once in {@link ManagedRules}.
 */
public interface ManagedRule {

    /** The {@code Source.SourceIdentifier}, e.g. {@code INCOMING_SSH_DISABLED} for {@code restricted-ssh}. */
    String identifier();

    /** The resource types in the rule's default scope, e.g. {@code AWS::EC2::SecurityGroup}. */
    Set<String> resourceTypes();

    /** Whether AWS documents the rule's trigger as configuration changes (else it is periodic only). */
    boolean changeTriggered();

    /** Whether AWS documents a periodic trigger for the rule. */
    boolean periodic();

    /**
     * Checks the rule's {@code InputParameters} (already parsed from the JSON string) as AWS does and returns them
     * with the documented defaults filled in.
     *
     * @throws IllegalArgumentException with AWS's message, answered as {@code InvalidParameterValueException}
     */
    Map<String, String> parameters(Map<String, String> input);

    /**
     * Evaluates one resource. Answers no evaluation when the item is out of the rule's reach (the caller then keeps
     * nothing), {@code NOT_APPLICABLE} where AWS documents it (e.g. a deleted resource).
     *
     * @param item       the resource's latest configuration item (notification shape)
     * @param parameters as returned by {@link #parameters}
     * @param items      every recorded item of the same account and region, for rules that look at related resources
     */
    List<RuleEvaluation> evaluate(ObjectNode item, Map<String, String> parameters, ConfigurationItems items);
}
