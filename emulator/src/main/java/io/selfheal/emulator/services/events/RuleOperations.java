package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.Map;
import java.util.Set;

/** PutRule, DescribeRule, DeleteRule, EnableRule, DisableRule and ListRules (EventBridge API reference). */
final class RuleOperations {
    private static final Set<String> STATES = Set.of("ENABLED", "DISABLED",
            "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS");

    private final RegionalStore<EventsState> states;

    RuleOperations(RegionalStore<EventsState> states) {
        this.states = states;
    }

    private EventBus bus(RequestContext ctx, Params params) {
        return states.get(ctx).bus(ctx.accountId(), ctx.region(), params.string("EventBusName"));
    }

    private static Params params(ObjectNode input) {
        return new Params(input, EventsErrors.PARAMS);
    }

    private static String name(Params params) {
        return EventsErrors.checkName("Name", params.required("Name"));
    }

    JsonNode putRule(RequestContext ctx, ObjectNode input) {
        Params params = params(input);
        String name = name(params);
        EventBus bus = bus(ctx, params);
        String schedule = emptyToNull(params.string("ScheduleExpression"));
        String pattern = emptyToNull(params.string("EventPattern"));
        if (schedule != null) {
            // Never accept a schedule that would silently never fire.
            throw EventsErrors.validation("selfheal does not run schedules yet: rule " + name
                    + " has ScheduleExpression " + schedule + ", which would never fire here. Use an EventPattern "
                    + "rule, or invoke the target from the scenario.");
        }
        if (pattern == null) {
            throw EventsErrors.validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        EventsErrors.checkMaxLength("EventPattern", pattern, 4096);
        PatternMatcher.validate(pattern);
        String state = params.string("State", "ENABLED");
        if (!STATES.contains(state)) {
            throw EventsErrors.PARAMS.invalid("State", state,
                    "Member must satisfy enum value set: "
                            + "[ENABLED, DISABLED, ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS]");
        }
        String description = EventsErrors.checkMaxLength("Description", params.string("Description"), 512);
        String roleArn = EventsErrors.checkMaxLength("RoleArn", params.string("RoleArn"), 1600);
        // A repeated PutRule replaces every attribute (omitted ones are reset), but keeps the targets.
        Rule rule = bus.put(new Rule(name, bus.ruleArn(name), bus.name(), pattern, !state.equals("DISABLED"),
                description, roleArn, ctx.accountId(), Map.of()));
        return Json.object().put("RuleArn", rule.arn());
    }

    JsonNode describeRule(RequestContext ctx, ObjectNode input) {
        Params params = params(input);
        String name = name(params);
        Rule rule = bus(ctx, params).existingRule(name);
        return rule.toJson().put("CreatedBy", rule.createdBy());
    }

    JsonNode deleteRule(RequestContext ctx, ObjectNode input) {
        Params params = params(input);
        String name = name(params);
        // Deleting a rule that does not exist succeeds, as on AWS.
        bus(ctx, params).remove(name, rule -> {
            if (!rule.targets().isEmpty()) {
                throw EventsErrors.validation("Rule can't be deleted since it has targets.");
            }
        });
        return null;
    }

    JsonNode enableRule(RequestContext ctx, ObjectNode input) {
        return setEnabled(ctx, input, true);
    }

    JsonNode disableRule(RequestContext ctx, ObjectNode input) {
        return setEnabled(ctx, input, false);
    }

    private JsonNode setEnabled(RequestContext ctx, ObjectNode input, boolean enabled) {
        Params params = params(input);
        String name = name(params);
        bus(ctx, params).update(name, rule -> rule.withEnabled(enabled));
        return null;
    }

    JsonNode listRules(RequestContext ctx, ObjectNode input) {
        Params params = params(input);
        EventBus bus = bus(ctx, params);
        return Page.of(bus.rules(params.string("NamePrefix")), params, "Rules", Rule::toJson);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
