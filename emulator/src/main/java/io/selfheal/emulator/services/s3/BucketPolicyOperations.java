package io.selfheal.emulator.services.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.http.HttpRequest;
import io.selfheal.emulator.http.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * PutBucketPolicy, GetBucketPolicy, DeleteBucketPolicy
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketPolicy.html). A policy is checked for the shape
 * S3 requires ({@code MalformedPolicy}: JSON starting with an object, statements with Effect, Principal, Action and
 * a Resource within this bucket) and kept as sent; deciding requests by it is the shared policy engine's work.
 */
final class BucketPolicyOperations {
    private static final int MAX_POLICY_BYTES = 20 * 1024;

    private final Buckets buckets;

    BucketPolicyOperations(Buckets buckets) {
        this.buckets = buckets;
    }

    HttpResponse putBucketPolicy(RequestContext ctx, HttpRequest request, ObjectNode input) {
        Bucket bucket = buckets.ownersOnly(ctx, input.path("bucketName").asText(null));
        String text = new String(request.body(), StandardCharsets.UTF_8);
        if (request.body().length > MAX_POLICY_BYTES) {
            throw AwsException.badRequest("PolicyTooLarge", "Policy exceeds the maximum allowed document size.");
        }
        validate(text, bucket.name());
        bucket.policy(text);
        return S3Responses.empty(204);
    }

    HttpResponse getBucketPolicy(RequestContext ctx, HttpRequest request, ObjectNode input) {
        Bucket bucket = buckets.ownersOnly(ctx, input.path("bucketName").asText(null));
        String policy = bucket.policy();
        if (policy == null) {
            throw S3Errors.notConfigured("NoSuchBucketPolicy", "The bucket policy does not exist", bucket.name());
        }
        return HttpResponse.of(200, "application/json", policy);
    }

    HttpResponse deleteBucketPolicy(RequestContext ctx, HttpRequest request, ObjectNode input) {
        buckets.ownersOnly(ctx, input.path("bucketName").asText(null)).policy(null);
        return S3Responses.empty(204);
    }

    static void validate(String text, String bucket) {
        JsonNode policy;
        try {
            policy = text.stripLeading().startsWith("{") ? Json.parse(text) : null;
        } catch (IOException e) {
            policy = null;
        }
        if (policy == null || !policy.isObject()) {
            throw malformed("Policies must be valid JSON and the first byte must be '{'");
        }
        JsonNode statements = policy.path("Statement");
        if (statements.isMissingNode() || statements.isNull() || statements.isArray() && statements.isEmpty()) {
            throw malformed("Missing required field Statement");
        }
        for (JsonNode statement : statements.isArray() ? statements : Json.array().add(statements)) {
            String effect = statement.path("Effect").asText("");
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                throw malformed(effect.isEmpty() ? "Missing required field Effect" : "Invalid effect: " + effect);
            }
            if (!statement.has("Principal") && !statement.has("NotPrincipal")) {
                throw malformed("Missing required field Principal");
            }
            if (!statement.has("Action") && !statement.has("NotAction")) {
                throw malformed("Missing required field Action");
            }
            for (JsonNode action : listOf(statement.has("Action") ? statement.get("Action") : statement.get("NotAction"))) {
                String a = action.asText("");
                if (!a.equals("*") && !a.startsWith("s3:") && !a.startsWith("s3-object-lambda:")) {
                    throw malformed("Policy has invalid action");
                }
            }
            if (!statement.has("Resource") && !statement.has("NotResource")) {
                throw malformed("Missing required field Resource");
            }
            for (JsonNode resource : listOf(statement.has("Resource") ? statement.get("Resource")
                    : statement.get("NotResource"))) {
                String r = resource.asText("");
                if (!r.equals("arn:aws:s3:::" + bucket) && !r.startsWith("arn:aws:s3:::" + bucket + "/")) {
                    throw malformed("Policy has invalid resource");
                }
            }
        }
    }

    private static Iterable<JsonNode> listOf(JsonNode node) {
        return node.isArray() ? node : Json.array().add(node);
    }

    private static AwsException malformed(String message) {
        return AwsException.badRequest("MalformedPolicy", message);
    }
}
