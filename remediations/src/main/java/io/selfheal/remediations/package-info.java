/**
 * Lambda remediation handlers that run unchanged on AWS and against selfheal's emulator. They reach AWS only
 * through the SDK's default configuration (region, credentials and {@code AWS_ENDPOINT_URL} from the environment),
 * so this package must never depend on the emulator or the harness.
 *
 * <p>{@link io.selfheal.remediations.RebootOnHighCpu} reboots an EC2 instance whose CPU alarm fired.
 */
package io.selfheal.remediations;
