package io.selfheal.emulator.services.s3;

import io.selfheal.emulator.core.Digests;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AccountsAndRegions;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.http.HttpRequest;
import io.selfheal.emulator.http.HttpResponse;
import io.selfheal.emulator.protocol.XmlWriter;
import java.util.Comparator;
import java.util.List;

/**
 * CreateBucket, HeadBucket, DeleteBucket, ListBuckets, GetBucketLocation as the S3 API reference describes them
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html and its siblings).
 */
final class BucketOperations {
    private static final String US_EAST_1 = "us-east-1";

    private final Buckets buckets;

    BucketOperations(Buckets buckets) {
        this.buckets = buckets;
    }

    /**
     * The bucket's region is the request's region; a {@code LocationConstraint} must name that region, except in
     * us-east-1 where none may be given. Creating a bucket you already own answers 200 in us-east-1 and
     * {@code BucketAlreadyOwnedByYou} elsewhere; another account's name is {@code BucketAlreadyExists}.
     */
    HttpResponse createBucket(RequestContext ctx, HttpRequest request, ObjectNode input) {
        String name = input.path("bucketName").asText();
        if (!BucketNames.valid(name)) {
            throw S3Errors.invalidBucketName(name);
        }
        String constraint = locationConstraint(request.body());
        String region = ctx.region();
        if (constraint != null && !AccountsAndRegions.isRegion(constraint) && !constraint.equals("EU")) {
            throw invalidLocationConstraint(constraint);
        }
        if (constraint == null && !region.equals(US_EAST_1)) {
            throw AwsException.badRequest("IllegalLocationConstraintException", "The unspecified location "
                    + "constraint is incompatible for the region specific endpoint this request was sent to.");
        }
        if (constraint != null && region.equals(US_EAST_1) && constraint.equals(US_EAST_1)) {
            throw invalidLocationConstraint(constraint);
        }
        if (constraint != null && !constraint.equals(region)) {
            throw AwsException.badRequest("IllegalLocationConstraintException", "The " + constraint
                    + " location constraint is incompatible for the region specific endpoint this request was sent to.");
        }
        Bucket created = new Bucket(name, ctx.accountId(), region, ctx.receivedAt());
        Bucket present = buckets.putIfAbsent(created);
        if (present != created) {
            if (!present.ownerAccount().equals(ctx.accountId())) {
                throw AwsException.conflict("BucketAlreadyExists", "The requested bucket name is not available. The "
                        + "bucket namespace is shared by all users of the system. Please select a different name and "
                        + "try again.").withField("BucketName", name);
            }
            if (!region.equals(US_EAST_1) || !present.region().equals(US_EAST_1)) {
                throw AwsException.conflict("BucketAlreadyOwnedByYou", "Your previous request to create the named "
                        + "bucket succeeded and you already own it.").withField("BucketName", name);
            }
        }
        return S3Responses.empty(200).withHeader("Location", "/" + name);
    }

    private static AwsException invalidLocationConstraint(String constraint) {
        return AwsException.badRequest("InvalidLocationConstraint", "The specified location-constraint is not valid")
                .withField("LocationConstraint", constraint);
    }

    /** The body's {@code CreateBucketConfiguration/LocationConstraint}, or null when there is none. */
    private static String locationConstraint(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        XmlBody xml = XmlBody.parse(body, "CreateBucketConfiguration");
        String constraint = XmlBody.text(xml.root(), "LocationConstraint");
        return constraint == null || constraint.isBlank() ? null : constraint.trim();
    }

    HttpResponse headBucket(RequestContext ctx, HttpRequest request, ObjectNode input) {
        Bucket bucket = buckets.owned(ctx, input.path("bucketName").asText(null));
        return S3Responses.empty(200).withHeader("x-amz-bucket-region", bucket.region())
                .withHeader("x-amz-access-point-alias", "false");
    }

    HttpResponse deleteBucket(RequestContext ctx, HttpRequest request, ObjectNode input) {
        Bucket bucket = buckets.ownersOnly(ctx, input.path("bucketName").asText(null));
        if (!bucket.objects().isEmpty()) {
            throw AwsException.conflict("BucketNotEmpty", "The bucket you tried to delete is not empty")
                    .withField("BucketName", bucket.name());
        }
        buckets.remove(bucket);
        return S3Responses.empty(204);
    }

    /** The caller's buckets by name, each with its region ({@code BucketRegion}, returned since 2024). */
    HttpResponse listBuckets(RequestContext ctx, HttpRequest request, ObjectNode input) {
        List<Bucket> mine = buckets.all().stream().filter(b -> b.ownerAccount().equals(ctx.accountId()))
                .sorted(Comparator.comparing(Bucket::name)).toList();
        XmlWriter xml = S3Responses.document("ListAllMyBucketsResult")
                .open("Owner").text("ID", ownerId(ctx.accountId())).close("Owner")
                .open("Buckets");
        for (Bucket b : mine) {
            xml.open("Bucket").text("Name", b.name()).text("CreationDate", S3Responses.iso(b.created()))
                    .text("BucketRegion", b.region()).close("Bucket");
        }
        xml.close("Buckets").close("ListAllMyBucketsResult");
        return S3Responses.xml(xml);
    }

    /** us-east-1 answers an empty {@code LocationConstraint}, as S3 does for buckets made without one. */
    HttpResponse getBucketLocation(RequestContext ctx, HttpRequest request, ObjectNode input) {
        Bucket bucket = buckets.owned(ctx, input.path("bucketName").asText(null));
        XmlWriter xml = new XmlWriter("member").open("LocationConstraint", S3Responses.NAMESPACE);
        if (!bucket.region().equals(US_EAST_1)) {
            xml.characters(bucket.region());
        }
        return S3Responses.xml(xml.close("LocationConstraint"));
    }

    /** The canonical user id S3 shows as owner: 64 hex characters, here derived from the account. */
    static String ownerId(String accountId) {
        return Digests.sha256Hex(accountId);
    }
}
