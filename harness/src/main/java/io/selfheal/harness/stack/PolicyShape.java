package io.selfheal.harness.stack;

import com.fasterxml.jackson.databind.JsonNode;

/** The shape IAM requires of an identity policy document (IAM JSON policy element reference), checked at load time. */
public final class PolicyShape {
    private PolicyShape() {
    }

    /** @return what is wrong with the document, or null */
    public static String problem(JsonNode policy) {
        if (!policy.isObject()) {
            return "a role policy must be an IAM policy document (a JSON object)";
        }
        String version = policy.path("Version").asText("");
        if (!version.equals("2012-10-17") && !version.equals("2008-10-17")) {
            return "a role policy needs \"Version\": \"2012-10-17\"";
        }
        JsonNode statements = policy.path("Statement");
        if (!statements.isArray() && !statements.isObject()) {
            return "a role policy needs a Statement (an object or a list of them)";
        }
        for (JsonNode s : statements.isArray() ? statements : java.util.List.of(statements)) {
            String effect = s.path("Effect").asText("");
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                return "every statement needs \"Effect\": \"Allow\" or \"Deny\"";
            }
            if (!s.has("Action") && !s.has("NotAction")) {
                return "every statement needs Action (or NotAction)";
            }
            if (!s.has("Resource") && !s.has("NotResource")) {
                return "every statement of an identity policy needs Resource (or NotResource)";
            }
        }
        return null;
    }
}
