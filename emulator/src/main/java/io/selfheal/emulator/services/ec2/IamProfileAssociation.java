package io.selfheal.emulator.services.ec2;

import java.util.Map;

/**
 * An instance's IAM instance profile association (AssociateIamInstanceProfile). The profile ARN is recorded as given,
 * not checked against IAM. Associations take effect at once here, so they are {@code associated} when described.
 */
record IamProfileAssociation(String associationId, String instanceId, String arn, String profileId) implements Tagged {
    @Override
    public String resourceId() {
        return associationId;
    }

    @Override
    public String resourceType() {
        return "iam-instance-profile-association";
    }

    @Override
    public Map<String, String> tags() {
        return Map.of();
    }
}
