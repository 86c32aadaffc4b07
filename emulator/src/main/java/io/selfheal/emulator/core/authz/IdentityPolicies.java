package io.selfheal.emulator.core.authz;

import io.selfheal.emulator.core.policy.PolicySet;
import io.selfheal.emulator.core.policy.Principal;
import java.util.List;

/** Where a principal's identity-based policies, permissions boundary and tags come from (IAM, over the bus). */
@FunctionalInterface
public interface IdentityPolicies {
    /** Nobody answers (no IAM service): a non-root principal has no policy, so nothing is allowed. */
    IdentityPolicies NONE = principal -> new Resolved(principal, PolicySet.identity(List.of()));

    Resolved of(Principal principal);

    /**
     * @param principal the caller as IAM knows it: its role or user ARN with its path ({@code aws:PrincipalArn}, a
     *                  resource policy naming the role) and its tags ({@code aws:PrincipalTag/…})
     * @param policies  its identity-based policies and permissions boundary
     */
    record Resolved(Principal principal, PolicySet policies) {
    }
}
