package io.selfheal.emulator.services.config.managed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.services.config.ManagedRule;
import io.selfheal.emulator.services.config.ManagedRules;
import io.selfheal.emulator.services.config.RuleEvaluation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-public-read-prohibited.html — the bucket item's
 * supplementary configuration as Config records it: {@code AccessControlList} a JSON string, {@code BucketPolicy} an
 * object holding {@code policyText}, {@code PublicAccessBlockConfiguration} an object.
 */
class S3BucketPublicReadProhibitedTest {
    private static final String PUBLIC_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*",
            "Action":"s3:GetObject","Resource":"arn:aws:s3:::evidence/*"}]}""";
    private static final String IP_LIMITED_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject",
            "Resource":"arn:aws:s3:::evidence/*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}]}""";
    private static final String ACCOUNT_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},
            "Action":"s3:*","Resource":["arn:aws:s3:::evidence","arn:aws:s3:::evidence/*"]}]}""";
    private static final String PUBLIC_ACL = "{\"grantSet\":null,\"grantList\":[{\"grantee\":\"AllUsers\","
            + "\"permission\":\"Read\"}],\"owner\":{\"displayName\":null,\"id\":\"abc\"},\"isRequesterCharged\":false}";
    private static final String PRIVATE_ACL = "{\"grantSet\":null,\"grantList\":[{\"grantee\":{\"id\":\"abc\","
            + "\"displayName\":null},\"permission\":\"FullControl\"}],\"owner\":{\"displayName\":null,\"id\":\"abc\"},"
            + "\"isRequesterCharged\":false}";

    private final ManagedRule rule = ManagedRules.find("S3_BUCKET_PUBLIC_READ_PROHIBITED");

    private static ObjectNode bucket(String policy, String acl, boolean blockPolicies, boolean ignoreAcls) {
        ObjectNode item = ConfigItemFixtures.item("AWS::S3::Bucket", "evidence",
                "{\"name\":\"evidence\",\"owner\":{\"id\":\"abc\"},\"creationDate\":\"2026-12-07T09:00:00.000Z\"}");
        item.put("resourceName", "evidence");
        ObjectNode supplementary = item.with("supplementaryConfiguration");
        supplementary.put("AccessControlList", acl);
        supplementary.putObject("BucketPolicy").put("policyText", policy);
        supplementary.putObject("PublicAccessBlockConfiguration").put("blockPublicAcls", ignoreAcls)
                .put("ignorePublicAcls", ignoreAcls).put("blockPublicPolicy", blockPolicies)
                .put("restrictPublicBuckets", blockPolicies);
        return item;
    }

    private RuleEvaluation evaluate(ObjectNode item) {
        return rule.evaluate(item, rule.parameters(Map.of()), new ConfigItemFixtures()).get(0);
    }

    @Test
    void catalogEntryMatchesThePage() {
        assertThat(rule.resourceTypes()).containsExactly("AWS::S3::Bucket");
        assertThat(rule.changeTriggered() && rule.periodic()).isTrue();
        assertThat(rule.parameters(Map.of())).isEmpty();
    }

    @Test
    void publicPolicyIsNonCompliantUnlessBlockPublicAccessRestrictsPolicies() {
        RuleEvaluation open = evaluate(bucket(PUBLIC_POLICY, PRIVATE_ACL, false, false));
        assertThat(open.complianceType()).isEqualTo("NON_COMPLIANT");
        assertThat(open.annotation()).contains("policy");
        assertThat(evaluate(bucket(PUBLIC_POLICY, PRIVATE_ACL, true, false)).complianceType()).isEqualTo("COMPLIANT");
    }

    @Test
    void publicAclIsNonCompliantUnlessPublicAclsAreIgnored() {
        RuleEvaluation open = evaluate(bucket(null, PUBLIC_ACL, false, false));
        assertThat(open.complianceType()).isEqualTo("NON_COMPLIANT");
        assertThat(open.annotation()).contains("ACL");
        assertThat(evaluate(bucket(null, PUBLIC_ACL, false, true)).complianceType()).isEqualTo("COMPLIANT");
    }

    @Test
    void policiesLimitedToFixedValuesAndPrivateAclsAreCompliant() {
        assertThat(evaluate(bucket(IP_LIMITED_POLICY, PRIVATE_ACL, false, false)).complianceType())
                .isEqualTo("COMPLIANT");
        assertThat(evaluate(bucket(ACCOUNT_POLICY, PRIVATE_ACL, false, false)).complianceType())
                .isEqualTo("COMPLIANT");
        assertThat(evaluate(bucket(null, null, false, false)).complianceType()).isEqualTo("COMPLIANT");
    }
}
