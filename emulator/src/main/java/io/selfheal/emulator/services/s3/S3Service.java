package io.selfheal.emulator.services.s3;

import static io.selfheal.emulator.service.OperationSpec.read;
import static io.selfheal.emulator.service.OperationSpec.write;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.authz.Authorization;
import io.selfheal.emulator.core.authz.ResourcePolicySource;
import io.selfheal.emulator.http.HttpRequest;
import io.selfheal.emulator.messages.DescribeBucket;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.PutBucketObject;
import io.selfheal.emulator.messages.ReadObject;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AbstractAwsService;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.RawOperation;
import io.selfheal.emulator.service.RequestRouter;
import io.selfheal.emulator.service.ResourceArns;
import io.selfheal.emulator.service.StreamingBodyOperation;
import java.util.Map;

/**
 * Amazon S3: buckets, bucket policies, objects, tags and multipart uploads over REST-XML. Every operation is raw
 * (headers and XML bodies of its own) and blocking (it reads or writes files). Bucket-level operations are CloudTrail
 * management events, object-level ones data events
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html).
 */
public final class S3Service extends AbstractAwsService {
    private static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.restXml("s3");

    /** ServiceLoader entry. */
    public static final class Provider implements AwsServiceProvider {
        @Override
        public AwsService create(EmulatorContext context) {
            return new S3Service(context);
        }
    }

    /** An S3 handler: the request as received, its routed input (bucket, key, query) → the HTTP answer. */
    @FunctionalInterface
    private interface Handler extends RawOperation {
    }

    private interface StreamingHandler extends StreamingBodyOperation {
    }

    private final Buckets buckets = new Buckets();
    private final ObjectFiles files = new ObjectFiles();
    private final S3Router router = new S3Router();
    private final io.selfheal.emulator.core.EmulatorClock clock;

    S3Service(EmulatorContext context) {
        super("Amazon S3", DESCRIPTOR, "s3");
        clock = context.clock();
        BucketOperations bucketOps = new BucketOperations(buckets);
        BucketPolicyOperations policies = new BucketPolicyOperations(buckets);
        ObjectOperations objects = new ObjectOperations(buckets, files);
        TaggingOperations tagging = new TaggingOperations(objects);
        ListObjectsOperation listing = new ListObjectsOperation(buckets);
        MultipartOperations multipart = new MultipartOperations(buckets, files, context.ids());
        operations
                .add(write("CreateBucket", raw(bucketOps::createBucket)).resources(S3Arns.BUCKET).blocking())
                .add(read("HeadBucket", raw(bucketOps::headBucket)).iam("s3:ListBucket").resources(S3Arns.BUCKET)
                        .blocking())
                .add(write("DeleteBucket", raw(bucketOps::deleteBucket)).resources(S3Arns.BUCKET).blocking())
                .add(read("ListBuckets", raw(bucketOps::listBuckets)).iam("s3:ListAllMyBuckets")
                        .resources(ResourceArns.ANY).blocking())
                .add(read("GetBucketLocation", raw(bucketOps::getBucketLocation)).resources(S3Arns.BUCKET)
                        .blocking())
                .add(write("PutBucketPolicy", raw(policies::putBucketPolicy)).resources(S3Arns.BUCKET).blocking())
                .add(read("GetBucketPolicy", raw(policies::getBucketPolicy)).resources(S3Arns.BUCKET).blocking())
                .add(write("DeleteBucketPolicy", raw(policies::deleteBucketPolicy)).resources(S3Arns.BUCKET)
                        .blocking())
                .add(write("PutBucketTagging", raw(tagging::putBucketTagging)).resources(S3Arns.BUCKET).blocking())
                .add(read("GetBucketTagging", raw(tagging::getBucketTagging)).resources(S3Arns.BUCKET).blocking())
                .add(write("DeleteBucketTagging", raw(tagging::deleteBucketTagging)).iam("s3:PutBucketTagging")
                        .resources(S3Arns.BUCKET).blocking())
                .add(read("ListObjectsV2", raw(listing::listObjectsV2)).dataEvent().iam("s3:ListBucket")
                        .resources(S3Arns.BUCKET).blocking())
                .add(read("ListObjects", raw(listing::listObjects)).dataEvent().iam("s3:ListBucket")
                        .resources(S3Arns.BUCKET).blocking())
                .add(write("PutObject", streamed(objects::putObject)).dataEvent().resources(S3Arns.OBJECT).blocking())
                .add(read("GetObject", raw(objects::getObject)).dataEvent().resources(S3Arns.OBJECT).blocking())
                .add(read("HeadObject", raw(objects::headObject)).dataEvent().iam("s3:GetObject")
                        .resources(S3Arns.OBJECT).blocking())
                .add(write("DeleteObject", raw(objects::deleteObject)).dataEvent().resources(S3Arns.OBJECT)
                        .blocking())
                .add(write("DeleteObjects", raw(objects::deleteObjects)).dataEvent().iam("s3:DeleteObject")
                        .resources(S3Arns.BUCKET).blocking())
                .add(write("CopyObject", raw(objects::copyObject)).dataEvent().iam("s3:PutObject")
                        .resources(S3Arns.OBJECT).blocking())
                .add(write("PutObjectTagging", raw(tagging::putObjectTagging)).dataEvent().resources(S3Arns.OBJECT)
                        .blocking())
                .add(read("GetObjectTagging", raw(tagging::getObjectTagging)).dataEvent().resources(S3Arns.OBJECT)
                        .blocking())
                .add(write("DeleteObjectTagging", raw(tagging::deleteObjectTagging)).dataEvent()
                        .resources(S3Arns.OBJECT).blocking())
                .add(write("CreateMultipartUpload", raw(multipart::createMultipartUpload)).dataEvent()
                        .iam("s3:PutObject").resources(S3Arns.OBJECT).blocking())
                .add(write("UploadPart", streamed(multipart::uploadPart)).dataEvent().iam("s3:PutObject")
                        .resources(S3Arns.OBJECT).blocking())
                .add(write("CompleteMultipartUpload", raw(multipart::completeMultipartUpload)).dataEvent()
                        .iam("s3:PutObject").resources(S3Arns.OBJECT).blocking())
                .add(write("AbortMultipartUpload", raw(multipart::abortMultipartUpload)).dataEvent()
                        .resources(S3Arns.OBJECT).blocking())
                .add(read("ListParts", raw(multipart::listParts)).dataEvent().iam("s3:ListMultipartUploadParts")
                        .resources(S3Arns.OBJECT).blocking());
        context.bus().handle(DescribeBucket.class, this::describe);
        context.bus().handle(PutBucketObject.class, this::putFromService);
        context.bus().handle(ReadObject.class,
                new ReadsForServices(buckets, context.component(Authorization.class))::read);
        BucketConfigurations.register(context, buckets);
        context.component(Authorization.class).resourcePolicies("s3", new BucketPolicySource());
    }

    /**
     * The bucket policy behind a bucket or object ARN ({@code arn:aws:s3:::bucket[/key]}), which names no account:
     * the bucket's owner is the resource's account.
     */
    private final class BucketPolicySource implements ResourcePolicySource {
        @Override
        public Found find(String arn) {
            String resource = arn.substring(arn.lastIndexOf(':') + 1);
            int slash = resource.indexOf('/');
            Bucket bucket = buckets.find(slash < 0 ? resource : resource.substring(0, slash));
            return bucket == null ? null : Found.of("bucket policy", bucket.policy(), bucket.ownerAccount());
        }

        /** Another account's bucket of the name is CreateBucket's {@code BucketAlreadyExists}, not its policy's. */
        @Override
        public boolean governs(String action) {
            return !"s3:CreateBucket".equals(action);
        }
    }

    private static RawOperation raw(Handler handler) {
        return handler;
    }

    /** An object body: read as it arrives, written to its file, never held whole. */
    private static RawOperation streamed(StreamingHandler handler) {
        return handler;
    }

    private DescribeBucket.Result describe(DescribeBucket question) {
        Bucket bucket = buckets.find(question.bucket());
        return bucket == null ? DescribeBucket.Result.notFound()
                : new DescribeBucket.Result(bucket.ownerAccount(), bucket.region(), bucket.policy());
    }

    /** A service principal's write (log files): the bucket must exist; its policy is the policy engine's to check. */
    private Delivery putFromService(PutBucketObject put) {
        Bucket bucket = buckets.find(put.bucket());
        if (bucket == null) {
            return Delivery.refused("NoSuchBucket", "The specified bucket does not exist");
        }
        ObjectUpload.Received received = ObjectUpload.receive(HttpRequest.of("PUT", "/", Map.of(), put.body()),
                files);
        ObjectOperations.replace(bucket, new StoredObject(put.key(), received.size(), received.etag(),
                clock.now(), put.contentType(), Map.of(), null, Map.of(), received.file()));
        return Delivery.accepted(received.etag());
    }

    @Override
    public RequestRouter router() {
        return router;
    }

    /** Forgets every bucket and object (the files go with them). */
    @Override
    public void reset() {
        buckets.all().forEach(b -> {
            b.objects().values().forEach(o -> ObjectFiles.delete(o.file()));
            b.uploads().values().forEach(u -> u.parts().values().forEach(p -> ObjectFiles.delete(p.received().file())));
        });
        buckets.clear();
    }

    @Override
    public void close() {
        files.close();
    }
}
