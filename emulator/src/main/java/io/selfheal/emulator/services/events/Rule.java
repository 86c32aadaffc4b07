package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule on an event bus, immutable: PutRule, EnableRule, PutTargets … replace it whole, so a dispatch in progress
 * sees one consistent version.
 *
 * @param name         unique on its bus
 * @param arn          {@code arn:aws:events:<region>:<account>:rule/<name>} on the default bus
 * @param busName      the bus it belongs to
 * @param eventPattern the pattern as given (validated), or null for a rule that only runs on its schedule
 * @param scheduleExpression {@code rate(…)} or {@code cron(…)} (validated), or null; a rule may have both
 * @param enabled      a disabled rule never fires
 * @param description  free text, or null
 * @param roleArn      kept and shown, not used: Lambda targets are authorised by the function's resource policy
 * @param createdBy    the account that created it
 * @param targets      by id, in the order they were first put
 */
record Rule(String name, String arn, String busName, String eventPattern, String scheduleExpression, boolean enabled,
            String description, String roleArn, String createdBy, Map<String, Target> targets) {

    Rule {
        targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    }

    Rule withEnabled(boolean on) {
        return new Rule(name, arn, busName, eventPattern, scheduleExpression, on, description, roleArn, createdBy,
                targets);
    }

    Rule withTargets(Map<String, Target> newTargets) {
        return new Rule(name, arn, busName, eventPattern, scheduleExpression, enabled, description, roleArn, createdBy,
                newTargets);
    }

    /** Whether the bus's pattern machine should hold this rule. */
    boolean matchable() {
        return enabled && eventPattern != null;
    }

    String state() {
        return enabled ? "ENABLED" : "DISABLED";
    }

    List<Target> targetList() {
        return List.copyOf(targets.values());
    }

    /** As ListRules shows it; DescribeRule adds {@code CreatedBy}. */
    ObjectNode toJson() {
        ObjectNode node = Json.object().put("Name", name).put("Arn", arn);
        if (eventPattern != null) {
            node.put("EventPattern", eventPattern);
        }
        if (scheduleExpression != null) {
            node.put("ScheduleExpression", scheduleExpression);
        }
        node.put("State", state());
        if (description != null) {
            node.put("Description", description);
        }
        if (roleArn != null) {
            node.put("RoleArn", roleArn);
        }
        node.put("EventBusName", busName);
        return node;
    }
}
