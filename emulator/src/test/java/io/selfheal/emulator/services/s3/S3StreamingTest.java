package io.selfheal.emulator.services.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.TestClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Object bodies streamed both ways: uploads larger than the aggregated path ever took (80 MB), written to their file
 * as they arrive, and downloads sent from the file. Through the SDK v2 (sync and async clients, with the payload
 * modes each sends) and, for what an SDK never does (a wrong signed hash, a client that goes away mid-body,
 * {@code Expect: 100-continue} refused), through a plain socket. The bounded heap is proven in
 * {@link S3StreamingSmallHeapTest}.
 */
class S3StreamingTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().resetBeforeEach();
    private static final String SCOPE = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20250101/us-east-1/s3/"
            + "aws4_request, SignedHeaders=host;x-amz-content-sha256, Signature=0";

    /** The payload mode each object upload was signed with (not CreateBucket's, also a PUT). */
    static final class PayloadModes implements ExecutionInterceptor {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.httpRequest().method().name().equals("PUT")
                    && context.httpRequest().encodedPath().indexOf('/', 1) > 0) {
                context.httpRequest().firstMatchingHeader("x-amz-content-sha256").ifPresent(seen::add);
            }
        }
    }

    @Test
    void theSyncClientPutsAndGetsAnObjectLargerThanAnyAggregatedBody() throws Exception {
        PayloadModes modes = new PayloadModes();
        GeneratedObject content = new GeneratedObject(96L * 1024 * 1024 + 13);
        try (S3Client s3 = TestClients.of(S3Client.builder()
                .overrideConfiguration(o -> o.addExecutionInterceptor(modes)), AWS.emulator())) {
            s3.createBucket(b -> b.bucket("evidence"));
            var put = s3.putObject(b -> b.bucket("evidence").key("disk.img"),
                    RequestBody.fromContentProvider(content::stream, content.size(), "application/octet-stream"));
            assertThat(put.eTag()).isEqualTo(content.etag());
            // Since 2.30 the SDK sends a CRC32 trailer by default; over http the chunks are signed.
            assertThat(modes.seen).containsExactly("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER");

            try (ResponseInputStream<GetObjectResponse> got = s3.getObject(b -> b.bucket("evidence")
                    .key("disk.img"))) {
                assertThat(got.response().contentLength()).isEqualTo(content.size());
                assertThat("\"" + GeneratedObject.md5(got) + "\"").isEqualTo(put.eTag());
            }
            long first = 50L * 1024 * 1024 + 7;
            byte[] range = s3.getObjectAsBytes(b -> b.bucket("evidence").key("disk.img")
                    .range("bytes=" + first + "-" + (first + 99_999))).asByteArray();
            assertThat(range).isEqualTo(content.range(first, 100_000));
        }
    }

    @Test
    void theAsyncClientPutsAndGetsALargeObject() throws Exception {
        PayloadModes modes = new PayloadModes();
        GeneratedObject content = new GeneratedObject(40L * 1024 * 1024 + 1);
        ExecutorService feeder = Executors.newSingleThreadExecutor();
        try (S3AsyncClient s3 = TestClients.of(S3AsyncClient.builder()
                .overrideConfiguration(o -> o.addExecutionInterceptor(modes)), AWS.emulator())) {
            s3.createBucket(b -> b.bucket("async")).join();
            var put = s3.putObject(b -> b.bucket("async").key("big.bin").contentLength(content.size()),
                    AsyncRequestBody.fromInputStream(content.stream(), content.size(), feeder)).join();
            assertThat(put.eTag()).isEqualTo(content.etag());
            // The async (Netty) client does not sign the chunks: its CRC32 trailer guards them.
            assertThat(modes.seen).containsExactly("STREAMING-UNSIGNED-PAYLOAD-TRAILER");
            ResponseInputStream<GetObjectResponse> got = s3.getObject(b -> b.bucket("async").key("big.bin"),
                    AsyncResponseTransformer.toBlockingInputStream()).join();
            try (got) {
                assertThat("\"" + GeneratedObject.md5(got) + "\"").isEqualTo(put.eTag());
            }
        } finally {
            feeder.shutdownNow();
        }
    }

    /**
     * Without the default checksum the SDK signs every chunk: {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}
     * (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html), decoded as it arrives.
     */
    @Test
    void signedChunksWithoutATrailerAreDecodedAsTheyArrive() {
        PayloadModes modes = new PayloadModes();
        GeneratedObject content = new GeneratedObject(3L * 1024 * 1024 + 5);
        try (S3Client s3 = TestClients.of(S3Client.builder()
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(true).build())
                .overrideConfiguration(o -> o.addExecutionInterceptor(modes)), AWS.emulator())) {
            s3.createBucket(b -> b.bucket("signed"));
            var put = s3.putObject(b -> b.bucket("signed").key("chunks"),
                    RequestBody.fromContentProvider(content::stream, content.size(), "application/octet-stream"));
            assertThat(modes.seen).containsExactly("STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
            assertThat(put.eTag()).isEqualTo(content.etag());
            assertThat(s3.getObjectAsBytes(b -> b.bucket("signed").key("chunks")).asByteArray())
                    .isEqualTo(content.range(0, (int) content.size()));
        }
    }

    @Test
    void multipartPartsAreStreamedToo(S3Client s3) {
        GeneratedObject part = new GeneratedObject(6L * 1024 * 1024);
        s3.createBucket(b -> b.bucket("parts"));
        String upload = s3.createMultipartUpload(b -> b.bucket("parts").key("whole")).uploadId();
        String one = s3.uploadPart(b -> b.bucket("parts").key("whole").uploadId(upload).partNumber(1),
                RequestBody.fromContentProvider(part::stream, part.size(), "application/octet-stream")).eTag();
        String two = s3.uploadPart(b -> b.bucket("parts").key("whole").uploadId(upload).partNumber(2),
                RequestBody.fromString("tail")).eTag();
        assertThat(one).isEqualTo(part.etag());
        s3.completeMultipartUpload(b -> b.bucket("parts").key("whole").uploadId(upload)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(one).build(),
                        CompletedPart.builder().partNumber(2).eTag(two).build())));
        byte[] whole = s3.getObjectAsBytes(b -> b.bucket("parts").key("whole")).asByteArray();
        assertThat(whole).hasSize((int) part.size() + 4);
        assertThat(new String(whole, whole.length - 4, 4, StandardCharsets.US_ASCII)).isEqualTo("tail");
    }

    /** https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html: the signed payload hash. */
    @Test
    void aBodyThatIsNotWhatItsSignedHashSaysIsRefusedAndNotStored(S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("checked"));
        String emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        try (Socket socket = connect()) {
            send(socket, "PUT /checked/tampered HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + SCOPE
                    + "\r\nx-amz-content-sha256: " + emptyHash + "\r\nContent-Length: 8\r\n\r\ntampered");
            String answer = response(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 400").contains("<Code>XAmzContentSHA256Mismatch</Code>",
                    "<ClientComputedContentSHA256>" + emptyHash + "</ClientComputedContentSHA256>",
                    "<S3ComputedContentSHA256>" + io.selfheal.emulator.core.Digests.sha256Hex("tampered")
                            + "</S3ComputedContentSHA256>");
        }
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket("checked").key("tampered")))
                .isInstanceOf(NoSuchKeyException.class);
        try (Socket socket = connect()) {
            send(socket, "PUT /checked/honest HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + SCOPE
                    + "\r\nx-amz-content-sha256: " + io.selfheal.emulator.core.Digests.sha256Hex("honest")
                    + "\r\nContent-Length: 6\r\n\r\nhonest");
            assertThat(response(socket.getInputStream())).startsWith("HTTP/1.1 200");
        }
        assertThat(s3.getObjectAsBytes(b -> b.bucket("checked").key("honest")).asUtf8String()).isEqualTo("honest");
    }

    @Test
    void aClientThatGoesAwayMidUploadLeavesNoObject(S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("cut"));
        try (Socket socket = connect()) {
            send(socket, "PUT /cut/half HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + SCOPE
                    + "\r\nx-amz-content-sha256: UNSIGNED-PAYLOAD\r\nContent-Length: 10485760\r\n\r\n");
            socket.getOutputStream().write(new byte[1024 * 1024]);
            socket.getOutputStream().flush();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> AWS.emulator().control().calls().stream()
                .anyMatch(c -> c.operation().equals("PutObject") && "IncompleteBody".equals(c.errorCode())));
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket("cut").key("half")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    /**
     * The 100 Continue is sent only when the upload reads its body: a refused request is answered at once and the
     * body never sent (https://www.rfc-editor.org/rfc/rfc9110#section-10.1.1; S3 refuses before 100 too).
     */
    @Test
    void expectContinueIsAnsweredOnlyWhenTheBodyIsWanted(S3Client s3) throws Exception {
        try (Socket socket = connect()) {
            send(socket, "PUT /no-such-bucket/key HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + SCOPE
                    + "\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
            assertThat(response(socket.getInputStream())).startsWith("HTTP/1.1 404")
                    .contains("<Code>NoSuchBucket</Code>");
        }
        s3.createBucket(b -> b.bucket("continued"));
        try (Socket socket = connect()) {
            send(socket, "PUT /continued/key HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + SCOPE
                    + "\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
            assertThat(response(socket.getInputStream())).startsWith("HTTP/1.1 100 Continue");
            send(socket, "hello");
            assertThat(response(socket.getInputStream())).startsWith("HTTP/1.1 200");
        }
        assertThat(s3.getObjectAsBytes(b -> b.bucket("continued").key("key")).asUtf8String()).isEqualTo("hello");
    }

    /** A body sent without waiting for 100 Continue is read to its end and dropped: the connection stays in step. */
    @Test
    void aRefusedUploadsBodyIsDroppedAndTheConnectionServesTheNextRequest() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "PUT /no-such-bucket/key HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + SCOPE
                    + "\r\nContent-Length: 2097152\r\n\r\n");
            socket.getOutputStream().write(new byte[2 * 1024 * 1024]);
            assertThat(response(socket.getInputStream())).startsWith("HTTP/1.1 404")
                    .contains("<Code>NoSuchBucket</Code>");
            send(socket, "GET /no-such-bucket/key HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + SCOPE
                    + "\r\n\r\n");
            assertThat(response(socket.getInputStream())).startsWith("HTTP/1.1 404")
                    .contains("<Code>NoSuchBucket</Code>");
        }
    }

    /** https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html: EntityTooLarge above 5 GB in one PUT. */
    @Test
    void aPutAboveFiveGigabytesIsRefusedBeforeItsBody(S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("limits"));
        try (Socket socket = connect()) {
            send(socket, "PUT /limits/huge HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + SCOPE
                    + "\r\nExpect: 100-continue\r\nContent-Length: 5368709121\r\n\r\n");
            assertThat(response(socket.getInputStream())).startsWith("HTTP/1.1 400")
                    .contains("<Code>EntityTooLarge</Code>", "<ProposedSize>5368709121</ProposedSize>",
                            "<MaxSizeAllowed>5368709120</MaxSizeAllowed>");
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket(AWS.emulator().endpoint().getHost(), AWS.emulator().endpoint().getPort());
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** One response: its head, and the body its Content-Length announces. */
    private static String response(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int at = text.toLowerCase().indexOf("content-length:");
        if (at < 0) {
            return text;
        }
        int length = Integer.parseInt(text.substring(at + 15, text.indexOf('\r', at)).trim());
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
