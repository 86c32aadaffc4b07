package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PutRule, DescribeRule, DeleteRule, EnableRule, DisableRule, ListRules and ListRuleNamesByTarget (EventBridge API
 * reference), on any bus named by name or ARN. Scheduled rules are handed to the {@link ScheduleRunner}.
 */
final class RuleOperations {
    private static final Set<String> STATES = Set.of("ENABLED", "DISABLED",
            "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS");

    private final RegionalStore<EventsState> states;
    private final ScheduleRunner schedules;

    RuleOperations(RegionalStore<EventsState> states, ScheduleRunner schedules) {
        this.states = states;
        this.schedules = schedules;
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
        if (schedule == null && pattern == null) {
            throw EventsErrors.validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        if (schedule != null) {
            checkSchedule(schedule, bus);
        }
        if (pattern != null) {
            EventsErrors.checkMaxLength("EventPattern", pattern, 4096);
            PatternMatcher.validate(pattern);
        }
        String state = params.string("State", "ENABLED");
        if (!STATES.contains(state)) {
            throw EventsErrors.PARAMS.invalid("State", state,
                    "Member must satisfy enum value set: "
                            + "[ENABLED, DISABLED, ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS]");
        }
        String description = EventsErrors.checkMaxLength("Description", params.string("Description"), 512);
        String roleArn = EventsErrors.checkMaxLength("RoleArn", params.string("RoleArn"), 1600);
        Map<String, String> tags = TagOperations.tags(params, "Tags");
        // A repeated PutRule replaces every attribute (omitted ones are reset), but keeps the targets.
        Rule rule = bus.put(new Rule(name, bus.ruleArn(name), bus.name(), pattern, schedule,
                !state.equals("DISABLED"), description, roleArn, ctx.accountId(), Map.of()));
        states.get(ctx).tags().tag(rule.arn(), tags);
        schedules.update(rule, ctx.accountId(), ctx.region());
        return Json.object().put("RuleArn", rule.arn());
    }

    /**
     * "You can only create scheduled rules using the default event bus" (user guide, "Creating a rule that runs on
     * a schedule"); AWS words the refusal as below. An expression it cannot parse gets its bare
     * "Parameter ScheduleExpression is not valid.".
     */
    private static void checkSchedule(String schedule, EventBus bus) {
        EventsErrors.checkMaxLength("ScheduleExpression", schedule, 256);
        if (!bus.name().equals(EventsState.DEFAULT_BUS)) {
            throw EventsErrors.validation("ScheduleExpression is supported only on the default event bus.");
        }
        try {
            ScheduleExpression.parse(schedule);
        } catch (IllegalArgumentException e) {
            throw EventsErrors.invalidSchedule();
        }
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
        Rule removed = bus(ctx, params).remove(name, rule -> {
            if (!rule.targets().isEmpty()) {
                throw EventsErrors.validation("Rule can't be deleted since it has targets.");
            }
        });
        if (removed != null) {
            states.get(ctx).tags().remove(removed.arn());
            schedules.remove(removed.arn());
        }
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
        Rule rule = bus(ctx, params).update(name, r -> r.withEnabled(enabled));
        schedules.update(rule, ctx.accountId(), ctx.region());
        return null;
    }

    JsonNode listRules(RequestContext ctx, ObjectNode input) {
        Params params = params(input);
        EventBus bus = bus(ctx, params);
        return Page.of(bus.rules(params.string("NamePrefix")), params, "Rules", Rule::toJson);
    }

    /**
     * ListRuleNamesByTarget: the names of the rules on one bus with a target of that ARN, sorted by name.
     */
    JsonNode listRuleNamesByTarget(RequestContext ctx, ObjectNode input) {
        Params params = params(input);
        String targetArn = EventsErrors.checkMaxLength("TargetArn", params.required("TargetArn"), 1600);
        List<String> names = bus(ctx, params).allRules().stream()
                .filter(rule -> rule.targets().values().stream().anyMatch(t -> t.arn().equals(targetArn)))
                .map(Rule::name)
                .toList();
        return Page.of(names, params, "RuleNames", TextNode::valueOf);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
