package io.selfheal.emulator.core.policy;

import java.util.List;

/**
 * The engine's answer.
 *
 * @param outcome       allow, explicit deny or implicit deny
 * @param statement     the statement that decided (the Deny, or the Allow that granted), or null for an implicit deny
 * @param notAllowedBy  for an implicit deny, the policy type that failed to allow; null otherwise
 * @param unevaluated   conditions the engine could not evaluate ({@code "ec2:Vpc (StringEquals)"}); each made an
 *                      Allow not apply or a Deny apply
 */
public record Decision(Outcome outcome, MatchedStatement statement, PolicyType notAllowedBy,
                       List<String> unevaluated) {

    public Decision {
        unevaluated = unevaluated == null ? List.of() : List.copyOf(unevaluated);
    }

    public enum Outcome { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }

    /** The policy kinds AWS names in its "because no … policy allows" messages. */
    public enum PolicyType {
        IDENTITY_BASED("identity-based policy"),
        RESOURCE_BASED("resource-based policy"),
        PERMISSIONS_BOUNDARY("permissions boundary");

        private final String words;

        PolicyType(String words) {
            this.words = words;
        }

        /** As AWS's AccessDenied messages say it: "no identity-based policy allows …". */
        public String words() {
            return words;
        }
    }

    /** Which statement: the policy's name and the statement's Sid (null when it has none). */
    public record MatchedStatement(String policyName, PolicyType policyType, String sid) {
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }
}
