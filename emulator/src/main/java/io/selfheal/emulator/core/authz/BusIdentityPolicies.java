package io.selfheal.emulator.core.authz;

import io.selfheal.emulator.core.InternalBus;
import io.selfheal.emulator.core.NoHandlerException;
import io.selfheal.emulator.core.policy.PolicySet;
import io.selfheal.emulator.core.policy.Principal;
import io.selfheal.emulator.messages.PrincipalPolicies;

/**
 * A principal's identity-based policies, boundary and tags as IAM answers {@link PrincipalPolicies} over the bus; none when
 * the emulator runs without IAM or IAM knows no such role or user (as a deleted role's sessions have nothing).
 */
public final class BusIdentityPolicies implements IdentityPolicies {
    private final InternalBus bus;

    public BusIdentityPolicies(InternalBus bus) {
        this.bus = bus;
    }

    @Override
    public Resolved of(Principal principal) {
        try {
            // A session's ARN names its role without the role's path; IAM answers it for the role.
            PrincipalPolicies.Result r = bus.ask(new PrincipalPolicies(principal.arn()));
            if (!r.found()) {
                return NONE.of(principal);
            }
            Principal known = new Principal(principal.arn(), principal.accountId(), principal.type(), r.arn(),
                    r.tags());
            return new Resolved(known, new PolicySet(r.identityPolicies(), null, r.permissionsBoundary(), null));
        } catch (NoHandlerException noIam) {
            return NONE.of(principal);
        }
    }
}
