package io.selfheal.emulator.services.config.managed;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.policy.AuthorizationRequest;
import io.selfheal.emulator.core.policy.MalformedPolicyDocumentException;
import io.selfheal.emulator.core.policy.NamedPolicy;
import io.selfheal.emulator.core.policy.PolicyDocument;
import io.selfheal.emulator.core.policy.PolicyEvaluator;
import io.selfheal.emulator.core.policy.Principal;
import io.selfheal.emulator.services.config.ConfigurationItems;
import io.selfheal.emulator.services.config.RuleEvaluation;
import java.util.Map;
import java.util.Set;

/**
 * {@code s3-bucket-public-read-prohibited} (S3_BUCKET_PUBLIC_READ_PROHIBITED): NON_COMPLIANT when the bucket policy
 * lets an anonymous caller read (unless Block Public Access restricts public policies) or the ACL grants AllUsers or
 * AuthenticatedUsers READ (unless it ignores public ACLs). Read from the bucket item's
 * {@code supplementaryConfiguration}: {@code BucketPolicy.policyText}, {@code AccessControlList} ({@code grantList})
 * and {@code PublicAccessBlockConfiguration}. The policy is decided by the shared policy engine: a statement with a
 * condition an anonymous request cannot meet (a fixed source IP or VPC endpoint) is not public.
 * https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-public-read-prohibited.html
 */
public final class S3BucketPublicReadProhibited extends SingleResourceRule {
    private static final Set<String> PUBLIC_GRANTEES = Set.of("AllUsers", "AuthenticatedUsers",
            "http://acs.amazonaws.com/groups/global/AllUsers",
            "http://acs.amazonaws.com/groups/global/AuthenticatedUsers");
    private static final Set<String> READ_PERMISSIONS = Set.of("Read", "READ", "FullControl", "FULL_CONTROL");

    public S3BucketPublicReadProhibited() {
        super("S3_BUCKET_PUBLIC_READ_PROHIBITED", Set.of("AWS::S3::Bucket"), Trigger.CHANGES_AND_PERIODIC);
    }

    @Override
    RuleEvaluation judge(ConfigItem item, Map<String, String> parameters, ConfigurationItems items) {
        JsonNode block = item.supplementary("PublicAccessBlockConfiguration");
        String bucket = item.node().path("resourceName").asText(item.resourceId());
        if (!block.path("blockPublicPolicy").asBoolean(false) && !block.path("restrictPublicBuckets").asBoolean(false)
                && policyAllowsPublicRead(item.supplementary("BucketPolicy").path("policyText"), bucket)) {
            return item.nonCompliant("The bucket policy allows public read access.");
        }
        if (!block.path("ignorePublicAcls").asBoolean(false) && aclAllowsPublicRead(item.supplementary(
                "AccessControlList"))) {
            return item.nonCompliant("The bucket ACL allows public read access.");
        }
        return item.compliant();
    }

    private static boolean policyAllowsPublicRead(JsonNode policyText, String bucket) {
        if (!policyText.isTextual() || policyText.asText().isBlank()) {
            return false;
        }
        NamedPolicy policy;
        try {
            policy = new NamedPolicy("bucket policy", PolicyDocument.parse(policyText.asText()));
        } catch (MalformedPolicyDocumentException e) {
            return false;
        }
        return anonymousMay(policy, "s3:GetObject", "arn:aws:s3:::" + bucket + "/*")
                || anonymousMay(policy, "s3:ListBucket", "arn:aws:s3:::" + bucket);
    }

    private static boolean anonymousMay(NamedPolicy policy, String action, String resource) {
        return PolicyEvaluator.evaluateResourcePolicy(
                AuthorizationRequest.of(Principal.anonymous(), action, resource, Map.of()), policy).allowed();
    }

    private static boolean aclAllowsPublicRead(JsonNode acl) {
        for (JsonNode grant : acl.path("grantList")) {
            JsonNode grantee = grant.path("grantee");
            String who = grantee.isTextual() ? grantee.asText() : grantee.path("uri").asText(
                    grantee.path("identifier").asText());
            if (PUBLIC_GRANTEES.contains(who) && READ_PERMISSIONS.contains(grant.path("permission").asText())) {
                return true;
            }
        }
        return false;
    }
}
