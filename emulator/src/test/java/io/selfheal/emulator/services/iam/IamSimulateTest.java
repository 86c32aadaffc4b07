package io.selfheal.emulator.services.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.EmulatorExtension;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;

/**
 * The policy simulator and GetAccountAuthorizationDetails through the SDK v2
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html,
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html).
 */
class IamSimulateTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    private static final String INSTANCE = "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc";

    @Test
    void simulatePrincipalPolicyDecidesOnTheRolesPolicies(IamClient iam) {
        String arn = iam.createRole(b -> b.roleName("sim").assumeRolePolicyDocument(IamRolesTest.LAMBDA_TRUST))
                .role().arn();
        iam.putRolePolicy(b -> b.roleName("sim").policyName("reboot").policyDocument(IamRolesTest.REBOOT));
        iam.putRolePolicy(b -> b.roleName("sim").policyName("no-terminate").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Guard\",\"Effect\":\"Deny\","
                        + "\"Action\":\"ec2:TerminateInstances\",\"Resource\":\"*\"}]}"));
        iam.attachRolePolicy(b -> b.roleName("sim").policyArn("arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess"));

        var results = iam.simulatePrincipalPolicy(b -> b.policySourceArn(arn).actionNames("ec2:RebootInstances",
                "ec2:TerminateInstances", "ec2:StopInstances", "ec2:DescribeInstances").resourceArns(INSTANCE))
                .evaluationResults();
        assertThat(results).extracting(EvaluationResult::evalActionName, EvaluationResult::evalDecision)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ec2:RebootInstances", PolicyEvaluationDecisionType.ALLOWED),
                        org.assertj.core.groups.Tuple.tuple("ec2:TerminateInstances",
                                PolicyEvaluationDecisionType.EXPLICIT_DENY),
                        org.assertj.core.groups.Tuple.tuple("ec2:StopInstances",
                                PolicyEvaluationDecisionType.IMPLICIT_DENY),
                        org.assertj.core.groups.Tuple.tuple("ec2:DescribeInstances",
                                PolicyEvaluationDecisionType.ALLOWED));
        assertThat(results.get(1).matchedStatements()).singleElement()
                .satisfies(s -> {
                    assertThat(s.sourcePolicyId()).isEqualTo("no-terminate");
                    assertThat(s.sourcePolicyTypeAsString()).isEqualTo("role");
                });
        assertThat(results.get(3).matchedStatements()).singleElement().satisfies(s -> {
            assertThat(s.sourcePolicyId()).isEqualTo("arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess");
            assertThat(s.sourcePolicyTypeAsString()).isEqualTo("aws-managed");
        });
    }

    @Test
    void simulateCustomPolicyWithContextEntries(IamClient iam) {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"ec2:RebootInstances\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/env\":\"prod\"}}}]}";
        var prod = iam.simulateCustomPolicy(b -> b.policyInputList(policy).actionNames("ec2:RebootInstances")
                .contextEntries(c -> c.contextKeyName("aws:ResourceTag/env").contextKeyValues("prod")
                        .contextKeyType("string"))).evaluationResults();
        assertThat(prod).singleElement().satisfies(r -> {
            assertThat(r.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
            assertThat(r.evalResourceName()).isEqualTo("*");
        });
        var dev = iam.simulateCustomPolicy(b -> b.policyInputList(policy).actionNames("ec2:RebootInstances")
                .contextEntries(c -> c.contextKeyName("aws:ResourceTag/env").contextKeyValues("dev")
                        .contextKeyType("string"))).evaluationResults();
        assertThat(dev.get(0).evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        assertThatThrownBy(() -> iam.simulateCustomPolicy(b -> b.policyInputList("{").actionNames("ec2:X")))
                .isInstanceOf(MalformedPolicyDocumentException.class);
    }

    @Test
    void accountAuthorizationDetailsListsEveryEntityWithItsDocuments(IamClient iam) {
        iam.createRole(b -> b.roleName("detailed").assumeRolePolicyDocument(IamRolesTest.LAMBDA_TRUST));
        iam.putRolePolicy(b -> b.roleName("detailed").policyName("reboot").policyDocument(IamRolesTest.REBOOT));
        iam.attachRolePolicy(b -> b.roleName("detailed")
                .policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
        iam.createUser(b -> b.userName("detailed-user"));
        iam.createPolicy(b -> b.policyName("local").policyDocument(IamRolesTest.REBOOT));

        var all = iam.getAccountAuthorizationDetails();
        var role = all.roleDetailList().stream().filter(r -> r.roleName().equals("detailed")).findFirst().get();
        assertThat(role.rolePolicyList()).singleElement().satisfies(p -> assertThat(URLDecoder.decode(
                p.policyDocument(), StandardCharsets.UTF_8)).isEqualTo(IamRolesTest.REBOOT));
        assertThat(role.attachedManagedPolicies()).extracting(a -> a.policyName())
                .containsExactly("AWSLambdaBasicExecutionRole");
        assertThat(all.userDetailList()).extracting(u -> u.userName()).contains("detailed-user");
        assertThat(all.policies()).extracting(p -> p.policyName()).contains("local", "AWSLambdaBasicExecutionRole")
                .doesNotContain("ReadOnlyAccess");
        var onlyRoles = iam.getAccountAuthorizationDetails(b -> b.filter(EntityType.ROLE));
        assertThat(onlyRoles.userDetailList()).isEmpty();
        assertThat(onlyRoles.policies()).isEmpty();
        assertThat(onlyRoles.roleDetailList()).isNotEmpty();
    }
}
