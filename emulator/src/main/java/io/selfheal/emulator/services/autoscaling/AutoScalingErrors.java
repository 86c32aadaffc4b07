package io.selfheal.emulator.services.autoscaling;

import io.selfheal.emulator.core.AwsException;

/** Auto Scaling's errors: nearly everything is {@code ValidationError}, in the wording the API answers. */
final class AutoScalingErrors {
    private AutoScalingErrors() {
    }

    static AwsException validation(String message) {
        return AwsException.badRequest("ValidationError", message);
    }

    static AwsException groupNotFound(String name) {
        return validation("AutoScalingGroup name not found - no such group: " + name);
    }

    static AwsException notInGroup(String instanceId, String group) {
        return validation("The instance " + instanceId + " is not part of Auto Scaling group " + group + ".");
    }
}
