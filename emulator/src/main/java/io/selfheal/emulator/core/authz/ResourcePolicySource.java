package io.selfheal.emulator.core.authz;

import io.selfheal.emulator.core.policy.NamedPolicy;
import io.selfheal.emulator.core.policy.PolicyDocument;
import io.selfheal.emulator.core.policy.ResourcePolicies;

/**
 * How a service answers "what is this resource's policy?" for {@link Authorization}: each service with resource
 * policies (an SQS queue's {@code Policy}, an SNS topic's, a Lambda function's, an S3 bucket's) registers one for the
 * service field of its ARNs, so the policy engine sees identity and resource policies together without any service
 * importing another.
 */
@FunctionalInterface
public interface ResourcePolicySource {

    /** @return the resource's policy and owner, or null when the resource does not exist here */
    Found find(String arn);

    /**
     * Whether the resource's policy decides {@code action} for callers of other accounts; false for an action that
     * names a resource it does not act on (S3's {@code CreateBucket} of a name another account holds is the
     * service's own conflict, not that bucket's policy's).
     */
    default boolean governs(String action) {
        return true;
    }

    /**
     * @param policy    the resource's policy, or null when it has none (or IAM could not parse it)
     * @param accountId the account that owns the resource (S3 ARNs name none)
     */
    record Found(NamedPolicy policy, String accountId) {

        /** A resource whose policy is stored as text ({@code name} is what a decision reports it by). */
        public static Found of(String name, String policyText, String accountId) {
            PolicyDocument doc = ResourcePolicies.parsed(policyText);
            return new Found(doc == null ? null : new NamedPolicy(name, doc), accountId);
        }
    }
}
