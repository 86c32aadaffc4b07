package io.selfheal.emulator.services.iam;

import io.selfheal.emulator.core.policy.NamedPolicy;
import io.selfheal.emulator.core.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Every account's IAM namespace (global: the region a request was signed for does not matter), and AWS's policies. */
final class IamStore {
    private final Map<String, IamAccount> accounts = new ConcurrentHashMap<>();
    final AwsManagedPolicies awsManaged = new AwsManagedPolicies();

    IamAccount account(String accountId) {
        return accounts.computeIfAbsent(accountId, IamAccount::new);
    }

    /** A managed policy by ARN: AWS's, or a customer policy of {@code account}; null when there is none. */
    ManagedPolicy policy(IamAccount account, String arn) {
        if (arn == null) {
            return null;
        }
        ManagedPolicy aws = awsManaged.find(arn);
        if (aws != null) {
            return aws;
        }
        String prefix = "arn:aws:iam::" + account.accountId + ":policy/";
        if (!arn.startsWith(prefix)) {
            return null;
        }
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        ManagedPolicy p = account.policies.get(name);
        return p != null && p.arn.equals(arn) ? p : null;
    }

    ManagedPolicy requirePolicy(IamAccount account, String arn) {
        ManagedPolicy p = policy(account, arn);
        if (p == null) {
            throw IamErrors.noSuchPolicy(arn);
        }
        return p;
    }

    /** Inline policies by name, then the default versions of attached policies by ARN. Caller holds the account. */
    List<NamedPolicy> identityPolicies(IamAccount account, Map<String, PolicyDocument> inline, Iterable<String> attached) {
        List<NamedPolicy> out = new ArrayList<>();
        inline.forEach((name, doc) -> out.add(new NamedPolicy(name, doc)));
        for (String arn : attached) {
            ManagedPolicy p = policy(account, arn);
            if (p != null) {
                out.add(new NamedPolicy(arn, p.defaultVersion().document()));
            }
        }
        return out;
    }

    NamedPolicy boundary(IamAccount account, String arn) {
        ManagedPolicy p = policy(account, arn);
        return p == null ? null : new NamedPolicy(arn, p.defaultVersion().document());
    }
}
