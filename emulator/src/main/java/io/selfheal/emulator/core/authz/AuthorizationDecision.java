package io.selfheal.emulator.core.authz;

import java.time.Instant;
import java.util.List;

/**
 * One IAM decision the emulator made: a principal, an action, one resource, and what the policy engine said.
 *
 * @param time                  the emulator clock's time of the request
 * @param requestId             the API request's id, or null for what the platform does on a principal's behalf
 * @param principalArn          who asked: an assumed-role session, an IAM user
 * @param action                the IAM action, e.g. {@code ec2:RebootInstances}
 * @param resource              the resource ARN it was decided for ({@code *} when the action has no resource type)
 * @param outcome               allowed, explicitly denied, or implicitly denied (nothing allowed it)
 * @param policyType            for a denial, the policy type that denied or failed to allow it (AWS's words:
 *                              {@code identity-based policy}, {@code resource-based policy},
 *                              {@code permissions boundary}); null when allowed
 * @param matchedStatement      the statement that decided it ({@code <policy>/<Sid or index>}), null for an implicit deny
 * @param unevaluatedConditions condition operators or keys the engine could not evaluate (they never allow)
 * @param origin                {@code api} for a call through the front door, else what acted on the principal's
 *                              behalf (e.g. {@code lambda:logs} for a function's log delivery)
 * @param enforced              whether the decision was applied (mode {@code enforce}) or only recorded ({@code audit})
 */
public record AuthorizationDecision(Instant time, String requestId, String principalArn, String action,
                                    String resource, Outcome outcome, String policyType, String matchedStatement,
                                    List<String> unevaluatedConditions, String origin, boolean enforced) {

    public static final String API = "api";

    /** The three results of AWS's evaluation logic. */
    public enum Outcome { ALLOWED, EXPLICIT_DENY, IMPLICIT_DENY }

    public AuthorizationDecision {
        unevaluatedConditions = unevaluatedConditions == null ? List.of() : List.copyOf(unevaluatedConditions);
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOWED;
    }

    /** Why it was denied, in the words of AWS's access-denied messages; null when allowed. */
    public String reason() {
        return switch (outcome) {
            case ALLOWED -> null;
            case EXPLICIT_DENY -> "explicit deny in " + article(policyType) + " " + policyType
                    + (matchedStatement == null ? "" : " (" + matchedStatement + ")");
            case IMPLICIT_DENY -> "no " + policyType + " allows it"
                    + (unevaluatedConditions.isEmpty() ? "" : " (conditions not evaluated: "
                    + String.join(", ", unevaluatedConditions) + ")");
        };
    }

    /** {@code ec2:RebootInstances on arn:aws:ec2:…:instance/i-1 denied: no identity-based policy allows it}. */
    public String summary() {
        return action + " on " + resource + (allowed() ? " allowed" : " denied: " + reason());
    }

    static String article(String policyType) {
        return policyType != null && policyType.startsWith("identity") ? "an" : "a";
    }
}
