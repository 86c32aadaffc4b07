package io.selfheal.emulator.core.policy;

import java.util.List;

/**
 * Every policy that bears on one request.
 *
 * @param identityPolicies     the principal's identity-based policies (inline and attached)
 * @param resourcePolicy       the resource's policy, or null
 * @param permissionsBoundary  the principal's permissions boundary, or null
 * @param resourceAccount      the account owning the resource (null: the principal's own account)
 */
public record PolicySet(List<NamedPolicy> identityPolicies, NamedPolicy resourcePolicy,
                        NamedPolicy permissionsBoundary, String resourceAccount) {

    public PolicySet {
        identityPolicies = identityPolicies == null ? List.of() : List.copyOf(identityPolicies);
    }

    public static PolicySet identity(List<NamedPolicy> policies) {
        return new PolicySet(policies, null, null, null);
    }

    /** Only a resource policy: what a service principal's delivery is judged by. */
    public static PolicySet resource(NamedPolicy policy, String resourceAccount) {
        return new PolicySet(List.of(), policy, null, resourceAccount);
    }
}
