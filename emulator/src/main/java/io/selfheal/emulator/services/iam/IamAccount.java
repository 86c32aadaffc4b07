package io.selfheal.emulator.services.iam;

import java.util.Map;
import java.util.TreeMap;

/**
 * One account's IAM namespace. IAM names are unique without regard to case ("IAM object quotas and naming
 * rules"), hence the case-insensitive maps. Callers synchronize on the account.
 */
final class IamAccount {
    final String accountId;
    final Map<String, Role> roles = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, User> users = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    /** Customer-managed policies by name. */
    final Map<String, ManagedPolicy> policies = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, InstanceProfile> instanceProfiles = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    IamAccount(String accountId) {
        this.accountId = accountId;
    }

    Role role(String name) {
        Role r = roles.get(name);
        if (r == null) {
            throw IamErrors.noSuchRole(name);
        }
        return r;
    }

    User user(String name) {
        User u = users.get(name);
        if (u == null) {
            throw IamErrors.noSuchUser(name);
        }
        return u;
    }

    InstanceProfile instanceProfile(String name) {
        InstanceProfile p = instanceProfiles.get(name);
        if (p == null) {
            throw IamErrors.noSuchInstanceProfile(name);
        }
        return p;
    }

    /** How many roles and users have this managed policy attached. */
    int attachments(String policyArn) {
        int n = 0;
        for (Role r : roles.values()) {
            n += r.attached.contains(policyArn) ? 1 : 0;
        }
        for (User u : users.values()) {
            n += u.attached.contains(policyArn) ? 1 : 0;
        }
        return n;
    }
}
