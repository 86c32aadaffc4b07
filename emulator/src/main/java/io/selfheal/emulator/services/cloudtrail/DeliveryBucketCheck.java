package io.selfheal.emulator.services.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.InternalBus;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.NoHandlerException;
import io.selfheal.emulator.messages.DescribeBucket;
import java.io.IOException;

/**
 * What CreateTrail checks of its bucket before accepting it
 * (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html,
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html): the bucket
 * exists ({@code S3BucketDoesNotExistException}) and its policy lets {@code cloudtrail.amazonaws.com} call
 * {@code s3:GetBucketAcl} and {@code s3:PutObject} ({@code InsufficientS3BucketPolicyException}). The policy is read
 * for those two grants only; evaluating policies in full is the shared policy engine's work.
 */
final class DeliveryBucketCheck {
    private static final String PRINCIPAL = "cloudtrail.amazonaws.com";

    private DeliveryBucketCheck() {
    }

    static void check(InternalBus bus, String bucket) {
        DescribeBucket.Result found;
        try {
            found = bus.ask(new DescribeBucket(bucket));
        } catch (NoHandlerException noS3) {
            found = DescribeBucket.Result.notFound();
        }
        if (!found.found()) {
            throw AwsException.badRequest("S3BucketDoesNotExistException", "S3 bucket " + bucket + " does not exist.");
        }
        if (!grants(found.policy(), "s3:GetBucketAcl") || !grants(found.policy(), "s3:PutObject")) {
            throw AwsException.badRequest("InsufficientS3BucketPolicyException",
                    "Incorrect S3 bucket policy is detected for bucket: " + bucket);
        }
    }

    /** Whether the policy lets {@code cloudtrail.amazonaws.com} perform {@code action} (log files are put under it). */
    static boolean grants(String policyText, String action) {
        if (policyText == null) {
            return false;
        }
        JsonNode policy;
        try {
            policy = Json.parse(policyText);
        } catch (IOException e) {
            return false;
        }
        JsonNode statements = policy.path("Statement");
        for (JsonNode s : statements.isArray() ? statements : Json.array().add(statements)) {
            if (s.path("Effect").asText().equals("Allow") && names(s.path("Principal").path("Service"), PRINCIPAL)
                    && covers(s.path("Action"), action)) {
                return true;
            }
        }
        return false;
    }

    private static boolean names(JsonNode values, String wanted) {
        for (JsonNode v : values.isArray() ? values : Json.array().add(values)) {
            if (v.asText().equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean covers(JsonNode actions, String action) {
        for (JsonNode a : actions.isArray() ? actions : Json.array().add(actions)) {
            String text = a.asText();
            if (text.equals("*") || text.equals("s3:*") || text.equalsIgnoreCase(action)) {
                return true;
            }
        }
        return false;
    }
}
