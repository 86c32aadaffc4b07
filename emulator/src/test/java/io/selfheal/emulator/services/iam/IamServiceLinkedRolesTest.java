package io.selfheal.emulator.services.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.EmulatorExtension;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * CreateServiceLinkedRole (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateServiceLinkedRole.html):
 * the role AWS names for the service, under {@code /aws-service-role/<principal>/}, trusted by the service; Config's
 * is AWSServiceRoleForConfig (https://docs.aws.amazon.com/config/latest/developerguide/using-service-linked-roles.html).
 * A second create, and a suffix for a service that takes none, are InvalidInput with AWS's messages.
 */
class IamServiceLinkedRolesTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    @Test
    void configsServiceLinkedRoleHasAwsNamePathAndTrust(IamClient iam) {
        Role created = iam.createServiceLinkedRole(r -> r.awsServiceName("config.amazonaws.com")).role();

        assertThat(created.roleName()).isEqualTo("AWSServiceRoleForConfig");
        assertThat(created.path()).isEqualTo("/aws-service-role/config.amazonaws.com/");
        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + AWS.emulator().accountId()
                + ":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig");
        Role read = iam.getRole(r -> r.roleName("AWSServiceRoleForConfig")).role();
        assertThat(read.arn()).isEqualTo(created.arn());
        assertThat(URLDecoder.decode(read.assumeRolePolicyDocument(), StandardCharsets.UTF_8))
                .contains("\"Service\":\"config.amazonaws.com\"").contains("sts:AssumeRole");
        assertThat(iam.listRoles(r -> r.pathPrefix("/aws-service-role/")).roles())
                .extracting(Role::roleName).contains("AWSServiceRoleForConfig");

        assertThatThrownBy(() -> iam.createServiceLinkedRole(r -> r.awsServiceName("config.amazonaws.com")))
                .isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInput");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Service role name "
                            + "AWSServiceRoleForConfig has been taken in this account, please try a different suffix.");
                });
    }

    @Test
    void aSuffixOnlyWhereTheServiceTakesOne(IamClient iam) {
        assertThatThrownBy(() -> iam.createServiceLinkedRole(r -> r.awsServiceName("guardduty.amazonaws.com")
                .customSuffix("team")))
                .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Custom suffix is not allowed for guardduty.amazonaws.com"));
        assertThat(iam.createServiceLinkedRole(r -> r.awsServiceName("autoscaling.amazonaws.com")
                .customSuffix("team").description("team groups")).role().roleName())
                .isEqualTo("AWSServiceRoleForAutoScaling_team");
        assertThatThrownBy(() -> iam.createServiceLinkedRole(r -> r.awsServiceName("nothing.amazonaws.com")))
                .isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInput");
                });
    }
}
