package io.selfheal.emulator.core.authz;

import io.selfheal.emulator.core.InternalBus;
import io.selfheal.emulator.core.NoHandlerException;
import io.selfheal.emulator.core.policy.PolicySet;
import io.selfheal.emulator.core.policy.Principal;
import io.selfheal.emulator.messages.PrincipalPolicies;
import java.util.List;

/**
 * A principal's identity-based policies and boundary as IAM answers {@link PrincipalPolicies} over the bus; none when
 * the emulator runs without IAM or IAM knows no such role or user (as a deleted role's sessions have nothing).
 */
public final class BusIdentityPolicies implements IdentityPolicies {
    private final InternalBus bus;

    public BusIdentityPolicies(InternalBus bus) {
        this.bus = bus;
    }

    @Override
    public PolicySet of(Principal principal) {
        try {
            // A session's ARN names its role without the role's path; IAM answers it for the role.
            PrincipalPolicies.Result r = bus.ask(new PrincipalPolicies(principal.arn()));
            return r.found() ? new PolicySet(r.identityPolicies(), null, r.permissionsBoundary(), null)
                    : PolicySet.identity(List.of());
        } catch (NoHandlerException noIam) {
            return PolicySet.identity(List.of());
        }
    }
}
