package io.selfheal.harness.stack;

import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * The instance profile an instance (or a group's launch template) runs as: one per role of the {@code roles} kind,
 * named after the role and holding it, as the console makes one for an EC2 role
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html). Made on
 * first use, so instances and groups naming the same role share it.
 */
final class InstanceProfiles {
    private InstanceProfiles() {
    }

    /** The ARN of the profile holding the role of {@code roles.<roleKey>}, made (CreateInstanceProfile, AddRoleToInstanceProfile) if missing. */
    static String of(String roleKey, Provisioning p) {
        String role = p.state().get(RoleKind.KEY, roleKey, "name");
        var iam = p.clients().iam();
        try {
            return iam.getInstanceProfile(r -> r.instanceProfileName(role)).instanceProfile().arn();
        } catch (NoSuchEntityException missing) {
            String arn = iam.createInstanceProfile(r -> r.instanceProfileName(role)).instanceProfile().arn();
            iam.addRoleToInstanceProfile(r -> r.instanceProfileName(role).roleName(role));
            return arn;
        }
    }
}
