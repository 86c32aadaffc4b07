package io.selfheal.emulator.services.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.io.IOException;
import java.util.ArrayList;

/**
 * PutResourcePolicy, DescribeResourcePolicies and DeleteResourcePolicy: the account's resource policies, which let
 * AWS services (EventBridge, Route 53 …) write to log groups. At most 10 per account and region, as on AWS.
 */
final class ResourcePolicyOperations {
    static final int MAX_POLICIES = 10;
    private static final int MAX_DOCUMENT = 5120;

    private final RegionalStore<LogsRegion> states;

    ResourcePolicyOperations(RegionalStore<LogsRegion> states) {
        this.states = states;
    }

    JsonNode put(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, LogsErrors.PARAMS);
        String name = params.required("policyName");
        String document = params.required("policyDocument");
        LogsNames.checkLength("policyDocument", document, MAX_DOCUMENT);
        if (params.has("resourceArn")) {
            // Policies attached to one log group are a newer form of this API; refusing beats silently treating
            // the policy as account-wide.
            throw LogsErrors.invalid("selfheal supports account-level resource policies only: omit resourceArn.");
        }
        try {
            JsonNode parsed = Json.parse(document);
            if (!parsed.isObject()) {
                throw LogsErrors.invalid("Invalid policy document: it must be a JSON object.");
            }
        } catch (IOException e) {
            throw LogsErrors.invalid("Invalid policy document: not valid JSON.");
        }
        ResourcePolicyEntry entry = new ResourcePolicyEntry(name, document, ctx.receivedAt().toEpochMilli());
        LogsRegion region = states.get(ctx);
        synchronized (region) {
            if (!region.policies().containsKey(name) && region.policies().size() >= MAX_POLICIES) {
                throw LogsErrors.limitExceeded("Resource limit exceeded.");
            }
            region.policies().put(name, entry);
        }
        ObjectNode out = Json.object();
        out.set("resourcePolicy", entry.toJson());
        return out;
    }

    JsonNode describe(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, LogsErrors.PARAMS);
        LogsRegion region = states.get(ctx);
        synchronized (region) {
            return Pages.of(new ArrayList<>(region.policies().values()), params, 50, "resourcePolicies",
                    ResourcePolicyEntry::toJson);
        }
    }

    JsonNode delete(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, LogsErrors.PARAMS);
        String name = params.required("policyName");
        LogsRegion region = states.get(ctx);
        synchronized (region) {
            if (region.policies().remove(name) == null) {
                throw AwsException.badRequest("ResourceNotFoundException",
                        "Policy with name [" + name + "] does not exist");
            }
        }
        return null;
    }
}
