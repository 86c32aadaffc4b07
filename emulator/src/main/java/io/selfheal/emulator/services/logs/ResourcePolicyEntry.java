package io.selfheal.emulator.services.logs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;

/** One account-level resource policy (PutResourcePolicy), as DescribeResourcePolicies returns it. */
record ResourcePolicyEntry(String policyName, String policyDocument, long lastUpdatedTime) {

    ObjectNode toJson() {
        return Json.object().put("policyName", policyName).put("policyDocument", policyDocument)
                .put("lastUpdatedTime", lastUpdatedTime).put("policyScope", "ACCOUNT");
    }
}
