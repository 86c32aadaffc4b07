package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.service.ResourceArns;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ConfigRule} resources a rules request acts on, as IAM names them: {@code
 * arn:aws:config:<region>:<account>:config-rule/config-rule-<id>} (the "Resource types" of
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsconfig.html). Requests name rules while
 * ARNs carry their ids, so each name is looked up; a rule that does not exist yet (PutConfigRule creating it) is
 * {@code config-rule/*}, which only a statement on every rule of the region matches. A request naming no rule (a
 * listing of every rule) acts on {@code *}.
 */
final class ConfigRuleArns {
    private ConfigRuleArns() {
    }

    /** The rules named at {@code pointer} (a JSON pointer to a name or a list of names). */
    static ResourceArns named(RegionalStore<RulesRegion> store, String pointer) {
        return (ctx, input) -> {
            JsonNode node = input.at(pointer);
            List<String> names = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(n -> names.add(n.asText()));
            } else if (node.isTextual()) {
                names.add(node.asText());
            }
            if (names.isEmpty()) {
                return List.of("*");
            }
            RulesRegion region = store.find(ctx.accountId(), ctx.region());
            List<String> out = new ArrayList<>();
            for (String name : names) {
                ConfigRule rule = null;
                if (region != null) {
                    synchronized (region) {
                        rule = region.rules.get(name);
                    }
                }
                out.add(rule != null ? rule.arn
                        : "arn:aws:config:" + ctx.region() + ":" + ctx.accountId() + ":config-rule/*");
            }
            return out;
        };
    }
}
