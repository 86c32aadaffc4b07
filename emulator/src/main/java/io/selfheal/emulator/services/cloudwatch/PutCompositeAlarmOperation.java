package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Operation;
import io.selfheal.emulator.service.Params;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * PutCompositeAlarm (API reference): creates the composite alarm in INSUFFICIENT_DATA and evaluates its rule at once
 * ("… was created and its alarm rule evaluates to OK"), or overwrites its configuration and re-evaluates. The rule
 * (1 to 10240 characters, at most 100 alarms) may only name alarms that exist, else {@code ValidationError}
 * ("Could not save the composite alarm as alarms [...] in the alarm rule do not exist"). EC2 actions are refused:
 * composite alarms notify SNS, invoke Lambda and open Systems Manager items only. {@code Tags} are accepted and not
 * kept (CloudWatch tagging is not modelled).
 */
final class PutCompositeAlarmOperation implements Operation {
    private final EmulatorContext context;
    private final RegionalStore<CloudWatchRegion> store;
    private final AlarmTransitions transitions;
    private final CompositeAlarms composites;

    PutCompositeAlarmOperation(EmulatorContext context, RegionalStore<CloudWatchRegion> store,
                               AlarmTransitions transitions, CompositeAlarms composites) {
        this.context = context;
        this.store = store;
        this.transitions = transitions;
        this.composites = composites;
    }

    @Override
    public JsonNode handle(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.QUERY);
        String name = AlarmDefinitionParser.alarmName(p);
        String ruleText = AlarmDefinitionParser.length(p, "AlarmRule", p.required("AlarmRule"), 1,
                AlarmRule.MAX_LENGTH);
        String description = p.string("AlarmDescription");
        if (description != null) {
            AlarmDefinitionParser.length(p, "AlarmDescription", description, 0, 1024);
        }
        List<String> ok = AlarmDefinitionParser.actions(p, "OKActions");
        List<String> alarm = AlarmDefinitionParser.actions(p, "AlarmActions");
        List<String> insufficient = AlarmDefinitionParser.actions(p, "InsufficientDataActions");
        AlarmDefinitionParser.checkEc2Actions(List.of(), ok, alarm, insufficient);
        String suppressor = p.string("ActionsSuppressor");
        Integer wait = p.integer("ActionsSuppressorWaitPeriod");
        Integer extension = p.integer("ActionsSuppressorExtensionPeriod");
        if (suppressor != null) {
            AlarmDefinitionParser.length(p, "ActionsSuppressor", suppressor, 1, 1600);
            if (wait == null) {
                throw p.errors().missing("ActionsSuppressorWaitPeriod");
            }
            if (extension == null) {
                throw p.errors().missing("ActionsSuppressorExtensionPeriod");
            }
        } else if (wait != null || extension != null) {
            throw AwsException.badRequest("ValidationError", "ActionsSuppressorWaitPeriod and "
                    + "ActionsSuppressorExtensionPeriod can only be specified together with ActionsSuppressor.");
        }
        String arnPrefix = ctx.arn("cloudwatch", "alarm:");
        AlarmRule rule = AlarmRule.parse(ruleText, arnPrefix);
        if (rule.children().size() > AlarmRule.MAX_CHILDREN) {
            throw AwsException.badRequest("ValidationError", "The alarm rule can include at most "
                    + AlarmRule.MAX_CHILDREN + " alarms; it includes " + rule.children().size() + ".");
        }
        if (suppressor != null && suppressor.startsWith(arnPrefix)) {
            suppressor = suppressor.substring(arnPrefix.length());
        }
        CompositeDefinition definition = new CompositeDefinition(name, description, p.bool("ActionsEnabled", true),
                ok, alarm, insufficient, rule, suppressor, wait, extension);
        CloudWatchRegion region = store.get(ctx);
        List<AlarmActions.Request> actions;
        synchronized (region) {
            List<String> missing = rule.children().stream().filter(c -> !region.exists(c)).toList();
            if (!missing.isEmpty()) {
                throw AwsException.badRequest("ValidationError", "Could not save the composite alarm as alarms "
                        + missing + " in the alarm rule do not exist");
            }
            if (region.get(name) != null) {
                throw AwsException.badRequest("ValidationError", "The alarm " + name
                        + " already exists as a metric alarm; alarm names are unique across both kinds.");
            }
            Instant now = context.clock().now().truncatedTo(ChronoUnit.MILLIS);
            CompositeAlarm composite = region.composite(name);
            String what;
            if (composite == null) {
                composite = new CompositeAlarm(ctx.arn("cloudwatch", "alarm:" + name), definition, now);
                region.put(composite);
                region.record(CompositeAlarmHistory.created(definition, now));
                what = "was created";
            } else {
                region.record(CompositeAlarmHistory.updated(composite.definition, definition, now));
                composite.definition = definition;
                composite.configurationUpdated = now;
                what = "was updated";
            }
            actions = composites.evaluate(region, composite, what);
        }
        transitions.runActions(region, actions);
        return null;
    }
}
