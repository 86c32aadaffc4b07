package io.selfheal.emulator.messages;

import io.selfheal.emulator.core.BusRequest;

/**
 * Auto Scaling asks EC2 about the launch template a group names (CreateAutoScalingGroup validates it and shows both
 * its id and name): by {@code launchTemplateId} or {@code launchTemplateName}, and {@code version} ({@code $Latest},
 * {@code $Default}, a number, or null for the default).
 */
public record DescribeLaunchTemplate(String accountId, String region, String launchTemplateId,
                                     String launchTemplateName, String version)
        implements BusRequest<DescribeLaunchTemplate.Result> {

    /**
     * @param error EC2's refusal ({@code code: message}), or null when the template and version exist
     */
    public record Result(String launchTemplateId, String launchTemplateName, String error) {
    }
}
