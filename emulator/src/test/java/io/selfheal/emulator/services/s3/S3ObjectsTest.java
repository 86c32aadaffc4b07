package io.selfheal.emulator.services.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.TestClients;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Objects through the SDK v2 S3 client with default settings: since 2.30 it sends PutObject bodies
 * {@code aws-chunked} with a CRC32 trailer and asks GetObject for checksums
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html). Operations as in
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html, API_GetObject.html, API_ListObjectsV2.html,
 * API_CopyObject.html, API_DeleteObjects.html, API_CompleteMultipartUpload.html.
 */
class S3ObjectsTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().resetBeforeEach();

    private static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    @Test
    void putGetAndHeadAnObjectWithTheSdksDefaultChecksums(S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("evidence"));
        byte[] body = "forensic snapshot of i-0abc".getBytes(StandardCharsets.UTF_8);
        var put = s3.putObject(b -> b.bucket("evidence").key("cases/1/snapshot.txt").contentType("text/plain")
                .metadata(Map.of("case", "1")), RequestBody.fromBytes(body));
        assertThat(put.eTag()).isEqualTo("\"" + md5(body) + "\"");
        assertThat(put.checksumCRC32()).isNotNull();

        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket("evidence")
                .key("cases/1/snapshot.txt").checksumMode(ChecksumMode.ENABLED));
        assertThat(got.asByteArray()).isEqualTo(body);
        assertThat(got.response().contentType()).isEqualTo("text/plain");
        assertThat(got.response().metadata()).containsEntry("case", "1");
        assertThat(got.response().eTag()).isEqualTo(put.eTag());
        assertThat(got.response().checksumCRC32()).isEqualTo(put.checksumCRC32());

        HeadObjectResponse head = s3.headObject(b -> b.bucket("evidence").key("cases/1/snapshot.txt"));
        assertThat(head.contentLength()).isEqualTo(body.length);
        assertThat(head.eTag()).isEqualTo(put.eTag());
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket("evidence").key("missing")))
                .isInstanceOfSatisfying(NoSuchKeyException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> s3.getObject(b -> b.bucket("evidence").key("missing")))
                .isInstanceOfSatisfying(NoSuchKeyException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey"));
        // the connection is still in step after HEAD answers (no stray body)
        assertThat(s3.getObjectAsBytes(b -> b.bucket("evidence").key("cases/1/snapshot.txt")).asByteArray())
                .isEqualTo(body);
    }

    @Test
    void everyChecksumAlgorithmIsVerified(S3Client s3) {
        s3.createBucket(b -> b.bucket("sums"));
        for (ChecksumAlgorithm algorithm : List.of(ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32_C,
                ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA256)) {
            var put = s3.putObject(b -> b.bucket("sums").key(algorithm.toString()).checksumAlgorithm(algorithm),
                    RequestBody.fromString("payload " + algorithm));
            assertThat(put.eTag()).as(algorithm.toString()).isNotBlank();
            assertThat(s3.getObjectAsBytes(b -> b.bucket("sums").key(algorithm.toString())
                    .checksumMode(ChecksumMode.ENABLED)).asUtf8String()).isEqualTo("payload " + algorithm);
        }
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("sums").key("bad").checksumCRC32("AAAAAA=="),
                RequestBody.fromString("not that")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
                });
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket("sums").key("bad"))).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void rangesReturnPartialContent(S3Client s3) {
        s3.createBucket(b -> b.bucket("ranges"));
        s3.putObject(b -> b.bucket("ranges").key("k"), RequestBody.fromString("0123456789"));
        var part = s3.getObjectAsBytes(b -> b.bucket("ranges").key("k").range("bytes=2-5"));
        assertThat(part.asUtf8String()).isEqualTo("2345");
        assertThat(part.response().contentRange()).isEqualTo("bytes 2-5/10");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("ranges").key("k").range("bytes=-3")).asUtf8String())
                .isEqualTo("789");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("ranges").key("k").range("bytes=7-")).asUtf8String())
                .isEqualTo("789");
        assertThatThrownBy(() -> s3.getObject(b -> b.bucket("ranges").key("k").range("bytes=10-")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(416);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRange");
                });
    }

    @Test
    void listObjectsV2WithPrefixDelimiterAndContinuation(S3Client s3) {
        s3.createBucket(b -> b.bucket("listing"));
        for (String key : List.of("AWSLogs/1/a.json", "AWSLogs/1/b.json", "AWSLogs/2/c.json", "top.txt", "zeta/x")) {
            s3.putObject(b -> b.bucket("listing").key(key), RequestBody.fromString(key));
        }
        var root = s3.listObjectsV2(b -> b.bucket("listing").delimiter("/"));
        assertThat(root.contents()).extracting(S3Object::key).containsExactly("top.txt");
        assertThat(root.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("AWSLogs/", "zeta/");
        assertThat(root.keyCount()).isEqualTo(3);

        var logs = s3.listObjectsV2(b -> b.bucket("listing").prefix("AWSLogs/").delimiter("/"));
        assertThat(logs.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("AWSLogs/1/", "AWSLogs/2/");

        var first = s3.listObjectsV2(b -> b.bucket("listing").maxKeys(2));
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.contents()).extracting(S3Object::key).containsExactly("AWSLogs/1/a.json", "AWSLogs/1/b.json");
        assertThat(first.contents().get(0).size()).isEqualTo(16L);
        List<String> all = s3.listObjectsV2Paginator(b -> b.bucket("listing").maxKeys(2)).contents().stream()
                .map(S3Object::key).toList();
        assertThat(all).containsExactly("AWSLogs/1/a.json", "AWSLogs/1/b.json", "AWSLogs/2/c.json", "top.txt",
                "zeta/x");
        assertThat(s3.listObjectsV2(b -> b.bucket("listing").startAfter("top.txt")).contents())
                .extracting(S3Object::key).containsExactly("zeta/x");
        assertThat(s3.listObjects(b -> b.bucket("listing").prefix("zeta")).contents()).extracting(S3Object::key)
                .containsExactly("zeta/x");
    }

    @Test
    void copyDeleteAndDeleteObjects(S3Client s3) {
        s3.createBucket(b -> b.bucket("src"));
        s3.createBucket(b -> b.bucket("dst"));
        var put = s3.putObject(b -> b.bucket("src").key("a b+c.txt").metadata(Map.of("m", "1")),
                RequestBody.fromString("copied"));
        var copy = s3.copyObject(b -> b.sourceBucket("src").sourceKey("a b+c.txt").destinationBucket("dst")
                .destinationKey("copy.txt"));
        assertThat(copy.copyObjectResult().eTag()).isEqualTo(put.eTag());
        var got = s3.getObjectAsBytes(b -> b.bucket("dst").key("copy.txt"));
        assertThat(got.asUtf8String()).isEqualTo("copied");
        assertThat(got.response().metadata()).containsEntry("m", "1");

        assertThatThrownBy(() -> s3.copyObject(b -> b.sourceBucket("src").sourceKey("a b+c.txt")
                .destinationBucket("src").destinationKey("a b+c.txt")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("InvalidRequest"));
        s3.copyObject(b -> b.sourceBucket("src").sourceKey("a b+c.txt").destinationBucket("src")
                .destinationKey("a b+c.txt").metadataDirective(MetadataDirective.REPLACE).metadata(Map.of("m", "2")));
        assertThat(s3.headObject(b -> b.bucket("src").key("a b+c.txt")).metadata()).containsEntry("m", "2");

        s3.deleteObject(b -> b.bucket("dst").key("copy.txt"));
        s3.deleteObject(b -> b.bucket("dst").key("never-there"));
        assertThat(s3.listObjectsV2(b -> b.bucket("dst")).contents()).isEmpty();

        s3.putObject(b -> b.bucket("dst").key("one"), RequestBody.fromString("1"));
        s3.putObject(b -> b.bucket("dst").key("two"), RequestBody.fromString("2"));
        var deleted = s3.deleteObjects(b -> b.bucket("dst").delete(d -> d.objects(
                ObjectIdentifier.builder().key("one").build(), ObjectIdentifier.builder().key("two").build(),
                ObjectIdentifier.builder().key("three").build())));
        assertThat(deleted.deleted()).hasSize(3);
        assertThat(s3.listObjectsV2(b -> b.bucket("dst")).keyCount()).isZero();
    }

    @Test
    void objectTags(S3Client s3) {
        s3.createBucket(b -> b.bucket("tags"));
        s3.putObject(b -> b.bucket("tags").key("k").tagging("classification=evidence&case=42"),
                RequestBody.fromString("x"));
        assertThat(s3.getObjectTagging(b -> b.bucket("tags").key("k")).tagSet()).extracting(Tag::key)
                .containsExactly("classification", "case");
        assertThat(s3.getObject(b -> b.bucket("tags").key("k")).response().tagCount()).isEqualTo(2);
        s3.putObjectTagging(b -> b.bucket("tags").key("k").tagging(t -> t.tagSet(
                Tag.builder().key("only").value("one").build())));
        assertThat(s3.getObjectTagging(b -> b.bucket("tags").key("k")).tagSet()).extracting(Tag::value)
                .containsExactly("one");
        s3.deleteObjectTagging(b -> b.bucket("tags").key("k"));
        assertThat(s3.getObjectTagging(b -> b.bucket("tags").key("k")).tagSet()).isEmpty();
        assertThatThrownBy(() -> s3.putObjectTagging(b -> b.bucket("tags").key("k").tagging(t -> t.tagSet(
                Tag.builder().key("a").value("1").build(), Tag.builder().key("a").value("2").build()))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("InvalidTag"));
    }

    @Test
    void multipartUploadAssemblesThePartsWithAwsEtag(S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("big"));
        byte[] first = new byte[5 * 1024 * 1024];
        new Random(7).nextBytes(first);
        byte[] second = "the tail".getBytes(StandardCharsets.UTF_8);
        String uploadId = s3.createMultipartUpload(b -> b.bucket("big").key("disk.img")).uploadId();
        String e1 = s3.uploadPart(b -> b.bucket("big").key("disk.img").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(first)).eTag();
        String e2 = s3.uploadPart(b -> b.bucket("big").key("disk.img").uploadId(uploadId).partNumber(2),
                RequestBody.fromBytes(second)).eTag();
        assertThat(s3.listParts(b -> b.bucket("big").key("disk.img").uploadId(uploadId)).parts())
                .extracting(p -> p.partNumber(), p -> p.size()).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, (long) first.length),
                        org.assertj.core.groups.Tuple.tuple(2, (long) second.length));
        var done = s3.completeMultipartUpload(b -> b.bucket("big").key("disk.img").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(e1).build(),
                        CompletedPart.builder().partNumber(2).eTag(e2).build())));
        MessageDigest md5s = MessageDigest.getInstance("MD5");
        md5s.update(MessageDigest.getInstance("MD5").digest(first));
        md5s.update(MessageDigest.getInstance("MD5").digest(second));
        assertThat(done.eTag()).isEqualTo("\"" + HexFormat.of().formatHex(md5s.digest()) + "-2\"");
        assertThat(s3.headObject(b -> b.bucket("big").key("disk.img")).contentLength())
                .isEqualTo(first.length + second.length);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("big").key("disk.img").range("bytes=5242880-"))
                .asUtf8String()).isEqualTo("the tail");

        String small = s3.createMultipartUpload(b -> b.bucket("big").key("small")).uploadId();
        String s1 = s3.uploadPart(b -> b.bucket("big").key("small").uploadId(small).partNumber(1),
                RequestBody.fromString("tiny")).eTag();
        String s2 = s3.uploadPart(b -> b.bucket("big").key("small").uploadId(small).partNumber(2),
                RequestBody.fromString("tiny")).eTag();
        assertThatThrownBy(() -> s3.completeMultipartUpload(b -> b.bucket("big").key("small").uploadId(small)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(s1).build(),
                        CompletedPart.builder().partNumber(2).eTag(s2).build()))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("EntityTooSmall"));
        s3.abortMultipartUpload(b -> b.bucket("big").key("small").uploadId(small));
        assertThatThrownBy(() -> s3.abortMultipartUpload(b -> b.bucket("big").key("small").uploadId(small)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("NoSuchUpload"));
    }

    /** Without forcePathStyle on a named host the SDK puts the bucket in the host: {@code bucket.localhost:port}. */
    @Test
    void virtualHostedRequestsFindTheBucketInTheHost() {
        URI endpoint = URI.create("http://localhost:" + AWS.emulator().endpoint().getPort());
        try (S3Client virtual = TestClients.of(S3Client.builder().httpClient(ApacheHttpClient.builder()
                .dnsResolver(host -> new InetAddress[] {InetAddress.getLoopbackAddress()}).build()), endpoint,
                "AKIAIOSFODNN7EXAMPLE")) {
            virtual.createBucket(b -> b.bucket("hosted"));
            virtual.putObject(b -> b.bucket("hosted").key("dir/file.txt"), RequestBody.fromString("by host"));
            assertThat(virtual.getObjectAsBytes(b -> b.bucket("hosted").key("dir/file.txt")).asUtf8String())
                    .isEqualTo("by host");
            assertThat(virtual.listObjectsV2(b -> b.bucket("hosted")).contents()).extracting(S3Object::key)
                    .containsExactly("dir/file.txt");
        }
        assertThat(AWS.emulator().control().calls().stream()
                .filter(c -> c.operation().equals("PutObject")).findFirst().orElseThrow().parameters()
                .path("Host").asText()).startsWith("hosted.localhost:");
    }

    /** S3's error document: https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html */
    @Test
    void errorsAreS3sXmlDocument() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(AWS.emulator().endpoint() + "/no-such-bucket/some/key"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20250101/us-east-1/s3/"
                        + "aws4_request, SignedHeaders=host, Signature=0").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("x-amz-request-id")).isPresent();
        assertThat(answer.body()).contains("<Error><Code>NoSuchBucket</Code>",
                "<Message>The specified bucket does not exist</Message>", "<BucketName>no-such-bucket</BucketName>",
                "<RequestId>" + answer.headers().firstValue("x-amz-request-id").orElseThrow() + "</RequestId>");
    }
}
