package io.selfheal.emulator.services.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.core.authz.IamMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Associating an instance profile passes its role to EC2: under IAM enforcement the caller needs {@code iam:PassRole}
 * on the profile's role with {@code iam:PassedToService} = {@code ec2.amazonaws.com}
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html#permission-to-pass-iam-roles,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html).
 */
class Ec2InstanceProfilePassRoleTest {
    private static final String ACCOUNT = "123456789012";
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/web-instance";

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().configure(b -> b.iamMode(IamMode.ENFORCE));

    private static IamClient iam;
    private static Ec2Client operator;
    private static String instanceId;
    private static String profileArn;

    @BeforeAll
    static void anInstanceAProfileAndAnOperator() {
        iam = AWS.client(IamClient.class);
        iam.createRole(r -> r.roleName("web-instance").assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                        + "{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
        profileArn = iam.createInstanceProfile(b -> b.instanceProfileName("web")).instanceProfile().arn();
        iam.addRoleToInstanceProfile(b -> b.instanceProfileName("web").roleName("web-instance"));
        instanceId = AWS.client(Ec2Client.class).runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1))
                .instances().get(0).instanceId();
        iam.createUser(b -> b.userName("operator"));
        iam.putUserPolicy(b -> b.userName("operator").policyName("ec2").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ec2:*\","
                        + "\"Resource\":\"*\"}]}"));
        var key = iam.createAccessKey(b -> b.userName("operator")).accessKey();
        operator = Ec2Client.builder().endpointOverride(AWS.emulator().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))).build();
    }

    @Test
    void associatingAProfileNeedsPassRoleOnItsRoleForEc2() {
        assertThatThrownBy(() -> operator.associateIamInstanceProfile(b -> b.instanceId(instanceId)
                .iamInstanceProfile(p -> p.arn(profileArn))))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("iam:PassRole").contains(ROLE);
                });
        // passing it to another service does not count
        iam.putUserPolicy(b -> b.userName("operator").policyName("pass").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"%s",
                 "Condition":{"StringEquals":{"iam:PassedToService":"lambda.amazonaws.com"}}}]}""".formatted(ROLE)));
        assertThatThrownBy(() -> operator.associateIamInstanceProfile(b -> b.instanceId(instanceId)
                .iamInstanceProfile(p -> p.name("web")))).isInstanceOf(Ec2Exception.class);

        iam.putUserPolicy(b -> b.userName("operator").policyName("pass").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"%s",
                 "Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}}]}""".formatted(ROLE)));
        assertThat(operator.associateIamInstanceProfile(b -> b.instanceId(instanceId)
                .iamInstanceProfile(p -> p.arn(profileArn))).iamInstanceProfileAssociation().iamInstanceProfile()
                .arn()).isEqualTo(profileArn);
    }
}
