package io.selfheal.emulator.services.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.selfheal.emulator.TestClients;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * The bounded-memory proof: an emulator in its own JVM with a {@value #HEAP} heap takes and gives back 300 MB
 * objects through the SDK v2's sync and async clients (an aggregated body, or a download read whole, would not
 * fit), and a client that goes away mid-upload leaves no file behind in its object directory.
 */
class S3StreamingSmallHeapTest {
    private static final String HEAP = "96m";
    private static final long SIZE = 300L * 1024 * 1024;

    @TempDir
    static Path tmp;
    private static Process server;
    private static BufferedReader serverOut;
    private static URI endpoint;

    @BeforeAll
    static void startSmallHeapEmulator() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        server = new ProcessBuilder(java.toString(), "-Xmx" + HEAP, "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), SmallHeapEmulatorMain.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String first = serverOut.readLine();
        assertThat(first).as("the emulator's first line").startsWith("endpoint ");
        endpoint = URI.create(first.substring("endpoint ".length()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.getOutputStream().close();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void threeHundredMegabyteObjectsBothWaysWithANinetySixMegabyteHeap() throws Exception {
        GeneratedObject content = new GeneratedObject(SIZE);
        String etag = content.etag();
        ExecutorService feeder = Executors.newSingleThreadExecutor();
        try (S3Client s3 = TestClients.of(S3Client.builder(), endpoint, "AKIAIOSFODNN7EXAMPLE");
             S3AsyncClient async = TestClients.of(S3AsyncClient.builder(), endpoint, "AKIAIOSFODNN7EXAMPLE")) {
            s3.createBucket(b -> b.bucket("big"));
            assertThat(s3.putObject(b -> b.bucket("big").key("sync.bin"), RequestBody.fromContentProvider(
                    content::stream, SIZE, "application/octet-stream")).eTag()).isEqualTo(etag);
            assertThat(async.putObject(b -> b.bucket("big").key("async.bin").contentLength(SIZE),
                    AsyncRequestBody.fromInputStream(content.stream(), SIZE, feeder)).join().eTag()).isEqualTo(etag);

            try (ResponseInputStream<GetObjectResponse> got = s3.getObject(b -> b.bucket("big").key("async.bin"))) {
                assertThat("\"" + GeneratedObject.md5(got) + "\"").isEqualTo(etag);
            }
            ResponseInputStream<GetObjectResponse> asyncGot = async.getObject(b -> b.bucket("big").key("sync.bin"),
                    AsyncResponseTransformer.toBlockingInputStream()).join();
            try (asyncGot) {
                assertThat("\"" + GeneratedObject.md5(asyncGot) + "\"").isEqualTo(etag);
            }
        } finally {
            feeder.shutdownNow();
        }
        assertThat(server.isAlive()).as("the emulator survived").isTrue();
        assertThat(objectFiles()).hasSize(2);

        cutAnUploadShort();
        await().atMost(Duration.ofSeconds(60)).until(() -> calls().contains("IncompleteBody"));
        assertThat(objectFiles()).as("the interrupted upload's file is gone").hasSize(2);

        PrintStream in = new PrintStream(server.getOutputStream(), true, StandardCharsets.UTF_8);
        in.println("peak");
        String peak = serverOut.readLine();
        assertThat(peak).startsWith("peak-heap ");
        // Read by BENCHMARKS.md's "S3 object streaming" section.
        System.out.println("S3 streaming, -Xmx" + HEAP + ": peak heap used "
                + Long.parseLong(peak.substring("peak-heap ".length())) / (1024 * 1024) + " MB after 4 x 300 MB");
    }

    private static void cutAnUploadShort() throws IOException {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /big/cut HTTP/1.1\r\nHost: localhost\r\nAuthorization: AWS4-HMAC-SHA256 Credential="
                    + "AKIAIOSFODNN7EXAMPLE/20250101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0\r\n"
                    + "x-amz-content-sha256: UNSIGNED-PAYLOAD\r\nContent-Length: " + SIZE + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[8 * 1024 * 1024]);
            out.flush();
        }
    }

    private static String calls() throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve(
                "/_selfheal/calls?service=s3&operation=PutObject")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The files in the emulator's S3 object directory (under its own temp dir). */
    private static List<Path> objectFiles() throws IOException {
        try (Stream<Path> all = Files.walk(tmp)) {
            return all.filter(p -> p.getFileName().toString().startsWith("object-")).toList();
        }
    }
}
