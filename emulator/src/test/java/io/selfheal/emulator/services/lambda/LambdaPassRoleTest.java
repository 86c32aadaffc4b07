package io.selfheal.emulator.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.core.authz.IamMode;
import io.selfheal.emulator.services.lambda.testfunctions.EchoHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * CreateFunction and UpdateFunctionConfiguration pass the execution role to Lambda, so under IAM enforcement the
 * caller needs {@code iam:PassRole} on it, and a policy may narrow that with {@code iam:PassedToService}
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html). Lambda answers a refusal with
 * {@code AccessDeniedException} (403) naming the caller, the action and the role.
 */
class LambdaPassRoleTest {
    private static final String ACCOUNT = "123456789012";
    private static final String USER = "arn:aws:iam::" + ACCOUNT + ":user/deployer";

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().configure(b -> b.iamMode(IamMode.ENFORCE));

    private static LambdaClient deployer;
    private static IamClient iam;

    @BeforeAll
    static void deployerWhoMayManageFunctions() {
        iam = AWS.client(IamClient.class);
        TestFunctions.ensureRole(AWS.client(LambdaClient.class));
        iam.createRole(r -> r.roleName("other-role").assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                        + "{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
        iam.createUser(b -> b.userName("deployer"));
        iam.putUserPolicy(b -> b.userName("deployer").policyName("functions").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"lambda:*\","
                        + "\"Resource\":\"*\"}]}"));
        var key = iam.createAccessKey(b -> b.userName("deployer")).accessKey();
        deployer = LambdaClient.builder().endpointOverride(AWS.emulator().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))).build();
    }

    @Test
    void passingTheExecutionRoleNeedsPassRoleForLambdaOnThatRole() {
        assertThatThrownBy(() -> deployer.createFunction(function("f1"))).isInstanceOfSatisfying(
                LambdaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: " + USER
                            + " is not authorized to perform: iam:PassRole on resource: " + TestFunctions.ROLE
                            + " because no identity-based policy allows the iam:PassRole action");
                });

        // PassRole for another service does not count
        passRolePolicy("events.amazonaws.com");
        assertThatThrownBy(() -> deployer.createFunction(function("f1"))).isInstanceOf(LambdaException.class);

        passRolePolicy("lambda.amazonaws.com");
        assertThat(deployer.createFunction(function("f1")).role()).isEqualTo(TestFunctions.ROLE);
    }

    @Test
    void updateFunctionConfigurationPassesOnlyTheRoleItNames() {
        passRolePolicy("lambda.amazonaws.com");
        deployer.createFunction(function("f2"));

        // no Role in the update: nothing is passed
        assertThat(deployer.updateFunctionConfiguration(b -> b.functionName("f2").timeout(9)).timeout()).isEqualTo(9);
        assertThatThrownBy(() -> deployer.updateFunctionConfiguration(b -> b.functionName("f2")
                .role("arn:aws:iam::" + ACCOUNT + ":role/other-role"))).isInstanceOfSatisfying(
                LambdaException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).contains(
                        "iam:PassRole on resource: arn:aws:iam::" + ACCOUNT + ":role/other-role"));
        assertThat(AWS.emulator().control().decisions()).anySatisfy(d -> {
            assertThat(d.action()).isEqualTo("iam:PassRole");
            assertThat(d.principalArn()).isEqualTo(USER);
            assertThat(d.allowed()).isFalse();
        });
    }

    private static void passRolePolicy(String toService) {
        iam.putUserPolicy(b -> b.userName("deployer").policyName("pass").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole",
                 "Resource":"%s","Condition":{"StringEquals":{"iam:PassedToService":"%s"}}}]}"""
                .formatted(TestFunctions.ROLE, toService)));
    }

    private static CreateFunctionRequest function(String name) {
        return CreateFunctionRequest.builder().functionName(name).runtime("java17").role(TestFunctions.ROLE)
                .handler(EchoHandler.class.getName() + "::handleRequest")
                .code(c -> c.zipFile(SdkBytes.fromByteArray(TestFunctions.jar()))).build();
    }
}
