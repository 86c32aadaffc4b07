package io.selfheal.emulator.core.authz;

import io.selfheal.emulator.core.policy.PolicySet;
import io.selfheal.emulator.core.policy.Principal;

/** Where a principal's identity-based policies and permissions boundary come from (IAM, over the bus). */
@FunctionalInterface
public interface IdentityPolicies {
    /** Nobody answers (no IAM service): a non-root principal has no policy, so nothing is allowed. */
    IdentityPolicies NONE = principal -> PolicySet.identity(java.util.List.of());

    PolicySet of(Principal principal);
}
