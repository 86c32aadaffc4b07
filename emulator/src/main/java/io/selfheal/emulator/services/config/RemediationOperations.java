package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.List;

/**
 * Remediation configurations (https://docs.aws.amazon.com/config/latest/APIReference/API_PutRemediationConfigurations.html).
 * AWS runs them as SSM Automation documents, which selfheal does not emulate: configurations are stored and
 * described, automatic remediation is refused, and a manual execution fails every resource with a message saying why.
 * Self-healing here is an EventBridge rule on the compliance-change event with a Lambda target.
 */
final class RemediationOperations {
    static final String NOT_EMULATED = "Remediation runs an SSM Automation document, and selfheal does not emulate "
            + "AWS Systems Manager: nothing was executed. Remediate with an EventBridge rule on the Config Rules "
            + "Compliance Change event and a Lambda target.";
    private static final int MAX_BATCH = 25;

    private final EmulatorContext context;
    private final RegionalStore<RulesRegion> store;

    RemediationOperations(EmulatorContext context, RegionalStore<RulesRegion> store) {
        this.context = context;
        this.store = store;
    }

    JsonNode put(RequestContext ctx, ObjectNode input) {
        JsonNode given = new Params(input, ConfigErrors.PARAMS).requiredNode("RemediationConfigurations");
        if (given.size() < 1 || given.size() > MAX_BATCH) {
            throw ConfigErrors.PARAMS.invalid("remediationConfigurations", "[…]",
                    "Member must have length between 1 and " + MAX_BATCH);
        }
        RulesRegion region = store.get(ctx);
        synchronized (region) {
            for (JsonNode c : given) {
                Params p = new Params(c.isObject() ? (ObjectNode) c : Json.object(), ConfigErrors.PARAMS);
                String rule = p.required("ConfigRuleName");
                String targetType = p.required("TargetType");
                p.required("TargetId");
                if (!targetType.equals("SSM_DOCUMENT")) {
                    throw ConfigErrors.PARAMS.invalid("remediationConfigurations.member.targetType", targetType,
                            "Member must satisfy enum value set: [SSM_DOCUMENT]");
                }
                region.rule(rule);
                if (p.bool("Automatic", false)) {
                    throw ConfigErrors.invalidParameter("Automatic remediation is not available: " + NOT_EMULATED);
                }
            }
            for (JsonNode c : given) {
                ObjectNode stored = ((ObjectNode) c).deepCopy();
                String rule = stored.path("ConfigRuleName").asText();
                ObjectNode old = region.remediations.get(rule);
                stored.put("Arn", old != null ? old.path("Arn").asText() : ctx.arn("config",
                        "remediation-configuration/" + rule + "/" + context.ids().uuid("remediation")));
                stored.put("Automatic", false);
                region.remediations.put(rule, stored);
            }
        }
        ObjectNode out = Json.object();
        out.putArray("FailedBatches");
        return out;
    }

    JsonNode describe(RequestContext ctx, ObjectNode input) {
        List<String> names = new Params(input, ConfigErrors.PARAMS).strings("ConfigRuleNames");
        RulesRegion region = store.get(ctx);
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("RemediationConfigurations");
        synchronized (region) {
            names.stream().map(region.remediations::get).filter(c -> c != null).forEach(list::add);
        }
        return out;
    }

    JsonNode delete(RequestContext ctx, ObjectNode input) {
        String rule = new Params(input, ConfigErrors.PARAMS).required("ConfigRuleName");
        RulesRegion region = store.get(ctx);
        synchronized (region) {
            if (region.remediations.remove(rule) == null) {
                throw ConfigErrors.noSuchRemediation(rule);
            }
        }
        return Json.object();
    }

    /** Nothing runs: every resource comes back failed, with the reason, in the operation's own answer. */
    JsonNode start(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, ConfigErrors.PARAMS);
        String rule = p.required("ConfigRuleName");
        JsonNode keys = p.requiredNode("ResourceKeys");
        requireConfiguration(ctx, rule);
        ObjectNode out = Json.object().put("FailureMessage", NOT_EMULATED);
        ArrayNode failed = out.putArray("FailedItems");
        keys.forEach(failed::add);
        return out;
    }

    /** No execution ever starts, so there is no status to report. */
    JsonNode executionStatus(RequestContext ctx, ObjectNode input) {
        String rule = new Params(input, ConfigErrors.PARAMS).required("ConfigRuleName");
        requireConfiguration(ctx, rule);
        ObjectNode out = Json.object();
        out.putArray("RemediationExecutionStatuses");
        return out;
    }

    private void requireConfiguration(RequestContext ctx, String rule) {
        RulesRegion region = store.get(ctx);
        synchronized (region) {
            if (!region.remediations.containsKey(rule)) {
                throw ConfigErrors.noSuchRemediation(rule);
            }
        }
    }
}
