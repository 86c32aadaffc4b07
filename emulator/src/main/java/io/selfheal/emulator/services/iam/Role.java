package io.selfheal.emulator.services.iam;

import io.selfheal.emulator.core.policy.PolicyDocument;
import java.time.Instant;

/** A role: its trust policy besides what every policy holder has. Guarded by its account. */
final class Role extends PolicyHolder {
    final String roleId;
    final Instant created;
    final String description;
    final int maxSessionDuration;
    PolicyDocument trustPolicy;

    Role(String name, String path, String accountId, String roleId, Instant created, String description,
         int maxSessionDuration, PolicyDocument trustPolicy) {
        super(name, path, "arn:aws:iam::" + accountId + ":role" + path + name);
        this.roleId = roleId;
        this.created = created;
        this.description = description;
        this.maxSessionDuration = maxSessionDuration;
        this.trustPolicy = trustPolicy;
    }
}
