package io.selfheal.emulator.messages;

/**
 * A resource's configuration changed on its own, with neither an API call nor an AWS event to show for it: a
 * transition the clock settles, such as an instance's monitoring going from {@code pending} to {@code enabled}.
 * AWS Config listens, so it records the settled state as it would on AWS.
 *
 * @param accountId the resource's account
 * @param region    its region
 * @param service   the owning service's signing name ({@code ec2})
 */
public record ResourceSettled(String accountId, String region, String service) {
}
