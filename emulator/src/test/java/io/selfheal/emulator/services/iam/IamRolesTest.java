package io.selfheal.emulator.services.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.messages.PrincipalPolicies;
import io.selfheal.emulator.messages.RoleLookup;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * Roles, their inline and attached policies, tags and instance profiles through the SDK v2, as the IAM API Reference
 * describes them (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html and the pages it links).
 */
class IamRolesTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    static final String LAMBDA_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String REBOOT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"ec2:RebootInstances\",\"Resource\":\"*\"}]}";

    @Test
    void createGetListAndDeleteARole(IamClient iam) {
        Role created = iam.createRole(b -> b.roleName("reboot-fn").path("/service/").assumeRolePolicyDocument(
                LAMBDA_TRUST).description("reboots").tags(t -> t.key("team").value("ops"))).role();
        String account = AWS.emulator().accountId();
        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + account + ":role/service/reboot-fn");
        assertThat(created.roleId()).startsWith("AROA").hasSize(20);
        assertThat(created.maxSessionDuration()).isEqualTo(3600);
        // IAM returns policy documents URL-encoded (RFC 3986).
        assertThat(URLDecoder.decode(created.assumeRolePolicyDocument(), StandardCharsets.UTF_8))
                .isEqualTo(LAMBDA_TRUST);

        Role got = iam.getRole(b -> b.roleName("REBOOT-FN")).role();
        assertThat(got.arn()).isEqualTo(created.arn());
        assertThat(got.tags()).singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("ops"));
        assertThat(iam.listRoles(b -> b.pathPrefix("/service/")).roles()).extracting(Role::roleName)
                .containsExactly("reboot-fn");

        assertThatThrownBy(() -> iam.createRole(b -> b.roleName("Reboot-Fn").assumeRolePolicyDocument(LAMBDA_TRUST)))
                .isInstanceOf(EntityAlreadyExistsException.class)
                .hasMessageContaining("Role with name Reboot-Fn already exists.");
        iam.deleteRole(b -> b.roleName("reboot-fn"));
        assertThatThrownBy(() -> iam.getRole(b -> b.roleName("reboot-fn")))
                .isInstanceOf(NoSuchEntityException.class)
                .hasMessageContaining("The role with name reboot-fn cannot be found.")
                .satisfies(e -> assertThat(((IamException) e).statusCode()).isEqualTo(404));
    }

    @Test
    void trustPoliciesAreValidatedAsIamDoes(IamClient iam) {
        assertThatThrownBy(() -> iam.createRole(b -> b.roleName("bad").assumeRolePolicyDocument("{nope")))
                .isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessageContaining("Syntax errors in policy.");
        assertThatThrownBy(() -> iam.createRole(b -> b.roleName("bad").assumeRolePolicyDocument(REBOOT)))
                .isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessageContaining("Has prohibited field Resource.");
        assertThatThrownBy(() -> iam.createRole(b -> b.roleName("bad").assumeRolePolicyDocument(LAMBDA_TRUST)
                .maxSessionDuration(60))).isInstanceOf(IamException.class)
                .hasMessageContaining("Member must have value greater than or equal to 3600");
        assertThatThrownBy(() -> iam.createRole(b -> b.roleName("bad name").assumeRolePolicyDocument(LAMBDA_TRUST)))
                .isInstanceOf(IamException.class).hasMessageContaining("[\\w+=,.@-]+");

        iam.createRole(b -> b.roleName("trusting").assumeRolePolicyDocument(LAMBDA_TRUST));
        String ec2Trust = LAMBDA_TRUST.replace("lambda.amazonaws.com", "ec2.amazonaws.com");
        iam.updateAssumeRolePolicy(b -> b.roleName("trusting").policyDocument(ec2Trust));
        assertThat(URLDecoder.decode(iam.getRole(b -> b.roleName("trusting")).role().assumeRolePolicyDocument(),
                StandardCharsets.UTF_8)).isEqualTo(ec2Trust);
    }

    @Test
    void inlineAndAttachedPoliciesAndTheConflictsTheyCause(IamClient iam) {
        iam.createRole(b -> b.roleName("holder").assumeRolePolicyDocument(LAMBDA_TRUST));
        iam.putRolePolicy(b -> b.roleName("holder").policyName("reboot").policyDocument(REBOOT));
        assertThat(iam.listRolePolicies(b -> b.roleName("holder")).policyNames()).containsExactly("reboot");
        assertThat(URLDecoder.decode(iam.getRolePolicy(b -> b.roleName("holder").policyName("reboot"))
                .policyDocument(), StandardCharsets.UTF_8)).isEqualTo(REBOOT);
        assertThatThrownBy(() -> iam.putRolePolicy(b -> b.roleName("holder").policyName("p").policyDocument(
                LAMBDA_TRUST))).isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessageContaining("Policy document should not specify a principal.");
        assertThatThrownBy(() -> iam.getRolePolicy(b -> b.roleName("holder").policyName("nope")))
                .isInstanceOf(NoSuchEntityException.class)
                .hasMessageContaining("The role policy with name nope cannot be found.");

        String basic = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
        iam.attachRolePolicy(b -> b.roleName("holder").policyArn(basic));
        assertThat(iam.listAttachedRolePolicies(b -> b.roleName("holder")).attachedPolicies())
                .singleElement().satisfies(a -> assertThat(a.policyName()).isEqualTo("AWSLambdaBasicExecutionRole"));
        assertThatThrownBy(() -> iam.attachRolePolicy(b -> b.roleName("holder")
                .policyArn("arn:aws:iam::aws:policy/NoSuchPolicy"))).isInstanceOf(NoSuchEntityException.class)
                .hasMessageContaining("does not exist or is not attachable");

        assertThatThrownBy(() -> iam.deleteRole(b -> b.roleName("holder")))
                .isInstanceOf(DeleteConflictException.class)
                .hasMessageContaining("Cannot delete entity, must delete policies first.");
        iam.deleteRolePolicy(b -> b.roleName("holder").policyName("reboot"));
        assertThatThrownBy(() -> iam.deleteRole(b -> b.roleName("holder")))
                .isInstanceOf(DeleteConflictException.class)
                .hasMessageContaining("Cannot delete entity, must detach all policies first.");
        iam.detachRolePolicy(b -> b.roleName("holder").policyArn(basic));
        assertThatThrownBy(() -> iam.detachRolePolicy(b -> b.roleName("holder").policyArn(basic)))
                .isInstanceOf(NoSuchEntityException.class);
        iam.deleteRole(b -> b.roleName("holder"));
    }

    @Test
    void tagsAreAddedReplacedAndRemoved(IamClient iam) {
        iam.createRole(b -> b.roleName("tagged").assumeRolePolicyDocument(LAMBDA_TRUST));
        iam.tagRole(b -> b.roleName("tagged").tags(t -> t.key("env").value("dev"), t -> t.key("team").value("a")));
        iam.tagRole(b -> b.roleName("tagged").tags(t -> t.key("env").value("prod")));
        assertThat(iam.listRoleTags(b -> b.roleName("tagged")).tags())
                .extracting(t -> t.key() + "=" + t.value()).containsExactlyInAnyOrder("env=prod", "team=a");
        iam.untagRole(b -> b.roleName("tagged").tagKeys("team"));
        assertThat(iam.listRoleTags(b -> b.roleName("tagged")).tags()).extracting(t -> t.key())
                .containsExactly("env");
    }

    @Test
    void instanceProfilesHoldOneRole(IamClient iam) {
        iam.createRole(b -> b.roleName("ec2-role").assumeRolePolicyDocument(LAMBDA_TRUST));
        iam.createRole(b -> b.roleName("ec2-role-2").assumeRolePolicyDocument(LAMBDA_TRUST));
        var profile = iam.createInstanceProfile(b -> b.instanceProfileName("web")).instanceProfile();
        assertThat(profile.arn()).isEqualTo("arn:aws:iam::" + AWS.emulator().accountId() + ":instance-profile/web");
        assertThat(profile.instanceProfileId()).startsWith("AIPA");
        iam.addRoleToInstanceProfile(b -> b.instanceProfileName("web").roleName("ec2-role"));
        assertThat(iam.getInstanceProfile(b -> b.instanceProfileName("web")).instanceProfile().roles())
                .extracting(Role::roleName).containsExactly("ec2-role");
        assertThat(iam.listInstanceProfilesForRole(b -> b.roleName("ec2-role")).instanceProfiles()).hasSize(1);
        assertThat(iam.listInstanceProfiles().instanceProfiles()).extracting(p -> p.instanceProfileName())
                .contains("web");
        assertThatThrownBy(() -> iam.addRoleToInstanceProfile(b -> b.instanceProfileName("web")
                .roleName("ec2-role-2"))).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("InstanceSessionsPerInstanceProfile: 1");
        assertThatThrownBy(() -> iam.deleteRole(b -> b.roleName("ec2-role")))
                .isInstanceOf(DeleteConflictException.class)
                .hasMessageContaining("must remove roles from instance profile first");
        assertThatThrownBy(() -> iam.deleteInstanceProfile(b -> b.instanceProfileName("web")))
                .isInstanceOf(DeleteConflictException.class);
        iam.removeRoleFromInstanceProfile(b -> b.instanceProfileName("web").roleName("ec2-role"));
        iam.deleteInstanceProfile(b -> b.instanceProfileName("web"));
        assertThatThrownBy(() -> iam.getInstanceProfile(b -> b.instanceProfileName("web")))
                .isInstanceOf(NoSuchEntityException.class).hasMessageContaining("Instance Profile web cannot be found.");
    }

    @Test
    void otherServicesAskIamOverTheBus(IamClient iam) {
        Role role = iam.createRole(b -> b.roleName("bus-role").assumeRolePolicyDocument(LAMBDA_TRUST)
                .tags(t -> t.key("team").value("ops"))).role();
        iam.putRolePolicy(b -> b.roleName("bus-role").policyName("reboot").policyDocument(REBOOT));
        iam.attachRolePolicy(b -> b.roleName("bus-role")
                .policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));

        RoleLookup.Result lookup = AWS.bus().bus().ask(new RoleLookup(role.arn()));
        assertThat(lookup.exists()).isTrue();
        assertThat(lookup.roleId()).isEqualTo(role.roleId());
        assertThat(lookup.trustPolicy().text()).isEqualTo(LAMBDA_TRUST);
        assertThat(AWS.bus().bus().ask(new RoleLookup("arn:aws:iam::210987654321:role/bus-role")).exists()).isFalse();

        String session = "arn:aws:sts::" + AWS.emulator().accountId() + ":assumed-role/bus-role/fn";
        PrincipalPolicies.Result policies = AWS.bus().bus().ask(new PrincipalPolicies(session));
        assertThat(policies.found()).isTrue();
        assertThat(policies.arn()).isEqualTo(role.arn());
        assertThat(policies.identityPolicies()).extracting(p -> p.name()).containsExactly("reboot",
                "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
        assertThat(policies.tags()).containsEntry("team", "ops");
        assertThat(AWS.bus().bus().ask(new PrincipalPolicies("arn:aws:iam::" + AWS.emulator().accountId()
                + ":user/nobody")).found()).isFalse();
    }
}
