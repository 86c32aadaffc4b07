package io.selfheal.emulator.services.ec2;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.messages.InstanceProfileLookup;
import io.selfheal.emulator.service.Params;
import io.selfheal.emulator.service.PassedRoles;
import java.util.List;

/**
 * The role an {@code IamInstanceProfile} member hands to EC2: launching or associating with an instance profile
 * passes its role, so the caller needs {@code iam:PassRole} on that role with {@code iam:PassedToService} =
 * {@code ec2.amazonaws.com} ("Using an IAM role to grant permissions to applications running on Amazon EC2
 * instances", https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html). IAM is asked over
 * the bus which role the profile holds; a profile IAM does not know passes no role.
 */
final class ProfileRoles {
    static final String EC2 = "ec2.amazonaws.com";

    private ProfileRoles() {
    }

    static PassedRoles passed(EmulatorContext context) {
        return new PassedRoles(EC2, (ctx, input) -> {
            String profile = InstanceProfileHandlers.profileArn(new Params(input, Params.EC2)
                    .child("IamInstanceProfile"), ctx);
            String role = profile == null ? null : context.bus().ask(new InstanceProfileLookup(profile)).roleArn();
            return role == null ? List.of() : List.of(role);
        });
    }
}
