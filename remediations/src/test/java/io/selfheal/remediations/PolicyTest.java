package io.selfheal.remediations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The least-privilege IAM policy shipped beside the handler. */
class PolicyTest {

    private static final String INSTANCE_ARN = "arn:aws:ec2:*:*:instance/*";

    @Test
    void grantsExactlyWhatTheHandlerCalls() throws Exception {
        JsonNode policy = load();

        assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
        Set<String> actions = new TreeSet<>();
        for (JsonNode statement : policy.path("Statement")) {
            assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
            actions.addAll(strings(statement.path("Action")));
        }
        assertThat(actions).containsExactlyInAnyOrder("ec2:DescribeInstances", "ec2:RebootInstances", "ec2:CreateTags",
                "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents");
        assertThat(actions).noneMatch(a -> a.contains("*"));
    }

    @Test
    void mutatingEc2ActionsAreLimitedToInstancesAndTheMarkerTags() throws Exception {
        Map<String, JsonNode> byAction = statementsByAction(load());

        assertThat(strings(byAction.get("ec2:RebootInstances").path("Resource"))).containsExactly(INSTANCE_ARN);
        JsonNode createTags = byAction.get("ec2:CreateTags");
        assertThat(strings(createTags.path("Resource"))).containsExactly(INSTANCE_ARN);
        assertThat(strings(createTags.path("Condition").path("ForAllValues:StringEquals").path("aws:TagKeys")))
                .containsExactlyInAnyOrder(RemediationMarker.BY_TAG, RemediationMarker.AT_TAG);
        // DescribeInstances supports no resource-level permissions: "*" is the only valid resource.
        assertThat(strings(byAction.get("ec2:DescribeInstances").path("Resource"))).containsExactly("*");
        assertThat(strings(byAction.get("logs:PutLogEvents").path("Resource")))
                .allMatch(r -> r.startsWith("arn:aws:logs:") && r.contains(":log-group:/aws/lambda/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RevokeOpenSshIngress", "RevokeUnauthorizedPortsIngress"})
    void securityGroupRemediationsMayOnlyReadRulesAndRevokeIngress(String handler) throws Exception {
        JsonNode policy = load(handler);
        Map<String, JsonNode> byAction = statementsByAction(policy);

        assertThat(byAction.keySet()).containsExactlyInAnyOrder("ec2:DescribeSecurityGroupRules",
                "ec2:RevokeSecurityGroupIngress", "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents");
        for (JsonNode statement : policy.path("Statement")) {
            assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
        }
        assertThat(strings(byAction.get("ec2:RevokeSecurityGroupIngress").path("Resource")))
                .containsExactly("arn:aws:ec2:*:*:security-group/*");
        // DescribeSecurityGroupRules supports no resource-level permissions.
        assertThat(strings(byAction.get("ec2:DescribeSecurityGroupRules").path("Resource"))).containsExactly("*");
    }

    @Test
    void isolateCompromisedInstanceGrantsWhatItCallsAndMutatesOnlyEc2ResourceTypes() throws Exception {
        JsonNode policy = load("IsolateCompromisedInstance");
        Map<String, JsonNode> byAction = statementsByAction(policy);

        assertThat(byAction.keySet()).containsExactlyInAnyOrder("ec2:DescribeInstances",
                "ec2:DescribeNetworkInterfaces", "ec2:DescribeSecurityGroups",
                "ec2:DescribeIamInstanceProfileAssociations", "ec2:CreateSecurityGroup", "ec2:DeleteSecurityGroup",
                "ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress",
                "ec2:ModifyNetworkInterfaceAttribute", "ec2:ModifyInstanceAttribute",
                "ec2:DisassociateIamInstanceProfile", "ec2:AssociateIamInstanceProfile", "ec2:DeleteTags",
                "iam:PassRole", "ec2:CreateSnapshots", "ec2:CreateTags", "autoscaling:DetachInstances", "sns:Publish",
                "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents");
        // Describe* have no resource-level permissions; every change names its resource type.
        for (JsonNode statement : policy.path("Statement")) {
            boolean describes = strings(statement.path("Action")).stream().allMatch(a -> a.contains(":Describe"));
            if (!describes && !statement.path("Sid").asText().equals("PassOnlyTheRecordedProfileBack")) {
                assertThat(strings(statement.path("Resource"))).doesNotContain("*");
            }
        }
        assertThat(strings(byAction.get("ec2:ModifyInstanceAttribute").path("Resource")))
                .containsExactly(INSTANCE_ARN);
        assertThat(byAction.get("iam:PassRole").path("Condition").path("StringEquals")
                .path("iam:PassedToService").asText()).isEqualTo("ec2.amazonaws.com");
    }

    private static JsonNode load() throws Exception {
        return load("RebootOnHighCpu");
    }

    private static JsonNode load(String handler) throws Exception {
        try (InputStream in = PolicyTest.class.getResourceAsStream("/policies/" + handler + ".json")) {
            assertThat(in).as("policies/" + handler + ".json on the class path").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    private static Map<String, JsonNode> statementsByAction(JsonNode policy) {
        Map<String, JsonNode> byAction = new java.util.HashMap<>();
        for (JsonNode statement : policy.path("Statement")) {
            strings(statement.path("Action")).forEach(a -> byAction.put(a, statement));
        }
        return byAction;
    }

    // IAM allows a single string or an array wherever a list is expected.
    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }
}
