package io.selfheal.emulator.services.s3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.http.HttpRequest;
import io.selfheal.emulator.http.HttpResponse;
import java.util.Map;

/**
 * Object and bucket tag sets (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObjectTagging.html,
 * API_PutBucketTagging.html): a put replaces the whole set; a bucket without tags answers {@code NoSuchTagSet}, an
 * object without tags an empty set.
 */
final class TaggingOperations {
    private final ObjectOperations objects;

    TaggingOperations(ObjectOperations objects) {
        this.objects = objects;
    }

    HttpResponse putObjectTagging(RequestContext ctx, HttpRequest request, ObjectNode input) {
        Map<String, String> tags = Tags.parse(request.body(), Tags.OBJECT_LIMIT);
        Bucket bucket = objects.bucket(ctx, input);
        StoredObject object = objects.object(ctx, input);
        bucket.objects().computeIfPresent(object.key(), (k, current) -> current.withTags(tags));
        return S3Responses.empty(200);
    }

    HttpResponse getObjectTagging(RequestContext ctx, HttpRequest request, ObjectNode input) {
        return Tags.document(objects.object(ctx, input).tags());
    }

    HttpResponse deleteObjectTagging(RequestContext ctx, HttpRequest request, ObjectNode input) {
        Bucket bucket = objects.bucket(ctx, input);
        StoredObject object = objects.object(ctx, input);
        bucket.objects().computeIfPresent(object.key(), (k, current) -> current.withTags(Map.of()));
        return S3Responses.empty(204);
    }

    HttpResponse putBucketTagging(RequestContext ctx, HttpRequest request, ObjectNode input) {
        Bucket bucket = objects.bucket(ctx, input);
        bucket.tags(Tags.parse(request.body(), Tags.BUCKET_LIMIT));
        return S3Responses.empty(204);
    }

    HttpResponse getBucketTagging(RequestContext ctx, HttpRequest request, ObjectNode input) {
        Bucket bucket = objects.bucket(ctx, input);
        if (bucket.tags().isEmpty()) {
            throw S3Errors.notConfigured("NoSuchTagSet", "The TagSet does not exist", bucket.name());
        }
        return Tags.document(bucket.tags());
    }

    HttpResponse deleteBucketTagging(RequestContext ctx, HttpRequest request, ObjectNode input) {
        objects.bucket(ctx, input).tags(Map.of());
        return S3Responses.empty(204);
    }
}
