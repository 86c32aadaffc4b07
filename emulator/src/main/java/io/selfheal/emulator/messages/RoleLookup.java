package io.selfheal.emulator.messages;

import io.selfheal.emulator.core.BusRequest;
import io.selfheal.emulator.core.policy.PolicyDocument;

/**
 * Ask IAM about a role (Lambda's CreateFunction, STS's AssumeRole): {@code bus.ask(new RoleLookup(roleArn))}.
 *
 * @param roleArn {@code arn:aws:iam::<account>:role/<path><name>}
 */
public record RoleLookup(String roleArn) implements BusRequest<RoleLookup.Result> {

    /**
     * @param exists                false when the account has no role of that ARN
     * @param accountId             the role's account
     * @param roleArn               its ARN, with its path
     * @param roleId                its unique id ({@code AROA…})
     * @param trustPolicy           its AssumeRolePolicyDocument
     * @param maxSessionDurationSeconds the longest session AssumeRole may grant (3600 to 43200)
     */
    public record Result(boolean exists, String accountId, String roleArn, String roleId, PolicyDocument trustPolicy,
                         int maxSessionDurationSeconds) {

        public static Result notFound() {
            return new Result(false, null, null, null, null, 0);
        }
    }
}
