/**
 * Lambda remediation handlers that run unchanged on AWS and against selfheal's emulator. They reach AWS only
 * through the SDK's default configuration (region, credentials and {@code AWS_ENDPOINT_URL} from the environment),
 * so this package must never depend on the emulator or the harness.
 *
 * <ul>
 *   <li>{@link io.selfheal.remediations.RebootOnHighCpu} reboots an EC2 instance whose CPU alarm fired (the alarm's
 *       "CloudWatch Alarm State Change" event, raw or through an input transformer).</li>
 *   <li>{@link io.selfheal.remediations.RevokeOpenSshIngress} revokes world-open SSH ingress after drift (the
 *       "AWS API Call via CloudTrail" event for {@code AuthorizeSecurityGroupIngress}).</li>
 * </ul>
 * Each ships its least-privilege IAM policy as {@code policies/<Handler>.json} beside it on the class path.
 * {@link io.selfheal.remediations.Settings} reads the environment both share ({@code DRY_RUN} …),
 * {@link io.selfheal.remediations.JsonLog} writes their structured log lines.
 */
package io.selfheal.remediations;
