package io.selfheal.emulator.services.iam;

import io.selfheal.emulator.messages.InstanceProfileLookup;
import io.selfheal.emulator.messages.PrincipalPolicies;
import io.selfheal.emulator.messages.RoleLookup;
import java.util.Map;

/** IAM's answers to other services: a principal's policies ({@link PrincipalPolicies}), a role ({@link RoleLookup}), an instance profile's role ({@link InstanceProfileLookup}). */
final class IamBusHandlers {
    private final IamStore store;

    IamBusHandlers(IamStore store) {
        this.store = store;
    }

    PrincipalPolicies.Result principalPolicies(PrincipalPolicies request) {
        String arn = request.principalArn();
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        if (parts.length != 6 || parts[4].isEmpty()) {
            return PrincipalPolicies.Result.notFound();
        }
        IamAccount account = store.account(parts[4]);
        synchronized (account) {
            PolicyHolder holder = holder(account, parts[5]);
            if (holder == null || (!parts[5].startsWith("assumed-role/") && !holder.arn.equals(arn))) {
                return PrincipalPolicies.Result.notFound();
            }
            return new PrincipalPolicies.Result(true, holder.arn,
                    store.identityPolicies(account, holder.inline, holder.attached),
                    store.boundary(account, holder.permissionsBoundary), Map.copyOf(holder.tags));
        }
    }

    RoleLookup.Result roleLookup(RoleLookup request) {
        String arn = request.roleArn();
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        if (parts.length != 6 || !parts[2].equals("iam") || !parts[5].startsWith("role/")) {
            return RoleLookup.Result.notFound();
        }
        IamAccount account = store.account(parts[4]);
        synchronized (account) {
            Role role = account.roles.get(parts[5].substring(parts[5].lastIndexOf('/') + 1));
            if (role == null || !role.arn.equals(arn)) {
                return RoleLookup.Result.notFound();
            }
            return new RoleLookup.Result(true, account.accountId, role.arn, role.roleId, role.trustPolicy,
                    role.maxSessionDuration);
        }
    }

    InstanceProfileLookup.Result instanceProfileLookup(InstanceProfileLookup request) {
        String arn = request.profileArn();
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        if (parts.length != 6 || !parts[2].equals("iam") || !parts[5].startsWith("instance-profile/")) {
            return new InstanceProfileLookup.Result(false, null);
        }
        IamAccount account = store.account(parts[4]);
        synchronized (account) {
            InstanceProfile profile = account.instanceProfiles.get(parts[5].substring(parts[5].lastIndexOf('/') + 1));
            if (profile == null || !profile.arn.equals(arn)) {
                return new InstanceProfileLookup.Result(false, null);
            }
            Role role = profile.roleName == null ? null : account.roles.get(profile.roleName);
            return new InstanceProfileLookup.Result(true, role == null ? null : role.arn);
        }
    }

    /** {@code role/path/Name}, {@code user/Name} or {@code assumed-role/Name/session} → the role or user. */
    private static PolicyHolder holder(IamAccount account, String resource) {
        if (resource.startsWith("assumed-role/")) {
            String[] s = resource.split("/");
            return s.length >= 2 ? account.roles.get(s[1]) : null;
        }
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        if (resource.startsWith("role/")) {
            return account.roles.get(name);
        }
        return resource.startsWith("user/") ? account.users.get(name) : null;
    }
}
