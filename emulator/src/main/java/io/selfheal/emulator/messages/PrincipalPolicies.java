package io.selfheal.emulator.messages;

import io.selfheal.emulator.core.BusRequest;
import io.selfheal.emulator.core.policy.NamedPolicy;
import java.util.List;
import java.util.Map;

/**
 * Ask IAM for the identity-based policies of a principal, to decide a request with the policy engine
 * ({@code core.policy}) without importing IAM: {@code bus.ask(new PrincipalPolicies(arn))}.
 *
 * @param principalArn a role ARN, a user ARN, or an assumed-role session ARN
 *                     ({@code arn:aws:sts::1:assumed-role/Role/session}, answered for its role)
 */
public record PrincipalPolicies(String principalArn) implements BusRequest<PrincipalPolicies.Result> {

    /**
     * IAM's answer.
     *
     * @param found               false when no such role or user exists (then every list is empty)
     * @param arn                 the role's or user's ARN, with its path
     * @param identityPolicies    inline policies (named by their names) and the default versions of attached
     *                            managed policies (named by their ARNs)
     * @param permissionsBoundary the boundary's default version (named by its ARN), or null
     * @param tags                the principal's tags ({@code aws:PrincipalTag/…})
     */
    public record Result(boolean found, String arn, List<NamedPolicy> identityPolicies,
                         NamedPolicy permissionsBoundary, Map<String, String> tags) {

        public static Result notFound() {
            return new Result(false, null, List.of(), null, Map.of());
        }
    }
}
