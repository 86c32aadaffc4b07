package io.selfheal.emulator.messages;

import io.selfheal.emulator.core.BusRequest;

/**
 * Ask IAM which role an instance profile holds (EC2's profile associations pass that role, so the caller needs
 * {@code iam:PassRole} on it): {@code bus.ask(new InstanceProfileLookup(profileArn))}.
 *
 * @param profileArn {@code arn:aws:iam::<account>:instance-profile/<path><name>}
 */
public record InstanceProfileLookup(String profileArn) implements BusRequest<InstanceProfileLookup.Result> {

    /**
     * @param exists  false when the account has no instance profile of that ARN
     * @param roleArn the ARN of the role it holds, or null when it holds none
     */
    public record Result(boolean exists, String roleArn) {
    }
}
