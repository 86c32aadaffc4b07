package io.selfheal.emulator.services.config;

/**
 * What the rules half needs of the recording half's configuration recorder: AWS refuses rules in a region without
 * one ({@code NoAvailableConfigurationRecorderException}), and a custom rule's event names its role
 * ({@code executionRoleArn}).
 */
@FunctionalInterface
interface RecorderRole {
    /** The {@code roleARN} of the region's configuration recorder, or null when there is none. */
    String roleArn(String accountId, String region);
}
