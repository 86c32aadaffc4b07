package io.selfheal.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The IAM roles a request hands to a service to act with later (a function's execution role, an EventBridge
 * target's role): the caller needs {@code iam:PassRole} on each, with {@code iam:PassedToService} naming the service
 * that receives it (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html).
 *
 * @param toService the service principal the role is passed to, e.g. {@code lambda.amazonaws.com}
 * @param arns      the role ARNs the request names (none when it passes no role)
 */
public record PassedRoles(String toService, ResourceArns arns) {

    /** A top-level member holding one role ARN (Lambda's {@code Role}). */
    public static PassedRoles member(String member, String toService) {
        return new PassedRoles(toService, ResourceArns.arnIn(member));
    }

    /** A member of each object in a list (EventBridge's {@code Targets[].RoleArn}). */
    public static PassedRoles eachIn(String list, String member, String toService) {
        return new PassedRoles(toService, (ctx, input) -> {
            List<String> out = new ArrayList<>();
            JsonNode items = input.get(list);
            for (JsonNode item : items == null || !items.isArray() ? List.<JsonNode>of() : items) {
                JsonNode role = item.get(member);
                if (role != null && role.isTextual()) {
                    out.add(role.asText());
                }
            }
            return out;
        });
    }
}
