package io.selfheal.emulator.services.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.util.List;

/**
 * The topic's access policy: the default one CreateTopic attaches, which allows only the owner account
 * ({@code AWS:SourceOwner}), so a service must be named in a statement of its own (see "Amazon EventBridge
 * permissions for Amazon SNS targets"), and the check SetTopicAttributes makes. The policy engine
 * ({@code core.policy}) decides deliveries.
 */
final class TopicPolicy {
    private static final List<String> DEFAULT_ACTIONS = List.of("SNS:GetTopicAttributes", "SNS:SetTopicAttributes",
            "SNS:AddPermission", "SNS:RemovePermission", "SNS:DeleteTopic", "SNS:Subscribe",
            "SNS:ListSubscriptionsByTopic", "SNS:Publish");

    private TopicPolicy() {
    }

    /** The policy CreateTopic attaches: every principal of the owner account, nobody else. */
    static String defaultPolicy(TopicArn arn) {
        ObjectNode statement = Json.object()
                .put("Sid", "__default_statement_ID")
                .put("Effect", "Allow");
        statement.putObject("Principal").put("AWS", "*");
        ArrayNode actions = statement.putArray("Action");
        DEFAULT_ACTIONS.forEach(actions::add);
        statement.put("Resource", arn.toString());
        statement.putObject("Condition").putObject("StringEquals").put("AWS:SourceOwner", arn.accountId());
        ObjectNode policy = Json.object().put("Version", "2008-10-17").put("Id", "__default_policy_ID");
        policy.putArray("Statement").add(statement);
        return Json.write(policy);
    }

    /** @return null when the text is a policy document, else why not */
    static String check(String policy) {
        try {
            JsonNode doc = Json.parse(policy);
            if (!doc.isObject() || !doc.has("Statement")) {
                return "Policy must contain a Statement";
            }
            return null;
        } catch (JsonProcessingException e) {
            return "JSON parse error";
        }
    }
}
