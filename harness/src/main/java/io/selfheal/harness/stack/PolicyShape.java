package io.selfheal.harness.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.policy.MalformedPolicyDocumentException;
import io.selfheal.emulator.core.policy.PolicyDocument;
import io.selfheal.emulator.core.policy.PolicyKind;

/**
 * A scenario's role policy checked at load time by the emulator's policy engine, with the grammar and the words IAM
 * answers {@code PutRolePolicy} with, so a file that loads is one IAM accepts.
 */
public final class PolicyShape {
    private PolicyShape() {
    }

    /** @return what IAM would say is wrong with the identity policy, or null */
    public static String problem(JsonNode policy) {
        try {
            PolicyDocument.parse(policy.toString(), PolicyKind.IDENTITY);
            return null;
        } catch (MalformedPolicyDocumentException e) {
            return "IAM refuses this identity policy (MalformedPolicyDocument): " + e.getMessage();
        }
    }
}
