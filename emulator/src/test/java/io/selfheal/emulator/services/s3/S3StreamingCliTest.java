package io.selfheal.emulator.services.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.selfheal.emulator.EmulatorExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large objects through the Python clients: the AWS CLI v2's {@code s3 cp} both ways (multipart above 8 MB, each
 * part signed with its SHA-256 over http; ranged parallel downloads) and {@code s3api put-object}, and boto3's
 * {@code upload_file}/{@code download_file} from Debian's boto3 1.26 and the newer pip boto3 (which sends the
 * flexible-checksum trailer by default). Each skips where its client is missing.
 */
class S3StreamingCliTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();
    private static final Path CLI = Path.of("/usr/bin/aws");
    private static final Map<String, String> CREDENTIALS = Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE",
            "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AWS_DEFAULT_REGION", "us-east-1",
            "AWS_CONFIG_FILE", "/dev/null", "AWS_SHARED_CREDENTIALS_FILE", "/dev/null", "AWS_PAGER", "");
    private static final String BOTO3 = String.join("\n",
            "import boto3, sys",
            "s3 = boto3.client('s3', endpoint_url=sys.argv[1], region_name='us-east-1')",
            "s3.create_bucket(Bucket=sys.argv[2])",
            "s3.upload_file(sys.argv[3], sys.argv[2], 'big.bin')",
            "s3.download_file(sys.argv[2], 'big.bin', sys.argv[4])",
            "print(s3.head_object(Bucket=sys.argv[2], Key='big.bin')['ContentLength'])");

    @TempDir
    static Path dir;
    private static Path source;

    @BeforeAll
    static void aLargeFile() throws IOException {
        source = dir.resolve("evidence.bin");
        try (InputStream content = new GeneratedObject(120L * 1024 * 1024 + 3).stream()) {
            Files.copy(content, source);
        }
    }

    private record Result(int exit, String out) {
    }

    private static Result run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("AWS_SESSION_TOKEN");
        pb.environment().remove("AWS_PROFILE");
        pb.environment().putAll(CREDENTIALS);
        Process p;
        try {
            p = pb.start();
        } catch (IOException missing) {
            assumeTrue(false, command.get(0) + " is not installed");
            throw missing;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    private static Result aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(CLI.toString(), "--endpoint-url",
                AWS.emulator().endpoint().toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private static String md5(Path file) throws IOException {
        return GeneratedObject.md5(Files.newInputStream(file));
    }

    @Test
    void awsS3CpCopiesALargeFileBothWays() throws Exception {
        assumeTrue(Files.isExecutable(CLI), "AWS CLI v2 not installed at /usr/bin/aws");
        assertThat(aws("s3", "mb", "s3://cli-big").exit()).isZero();
        Result up = aws("s3", "cp", source.toString(), "s3://cli-big/evidence.bin");
        assertThat(up.exit()).as(up.out()).isZero();
        Path down = dir.resolve("cli-down.bin");
        Result back = aws("s3", "cp", "s3://cli-big/evidence.bin", down.toString());
        assertThat(back.exit()).as(back.out()).isZero();
        assertThat(Files.size(down)).isEqualTo(Files.size(source));
        assertThat(md5(down)).isEqualTo(md5(source));
        // multipart: S3's ETag of the parts' MD5s with their count (15 parts of 8 MB and the 3-byte rest)
        Result head = aws("s3api", "head-object", "--bucket", "cli-big", "--key", "evidence.bin");
        assertThat(head.out()).contains("-16\\\"");

        Path small = Files.writeString(dir.resolve("note.txt"), "chain of custody");
        Result put = aws("s3api", "put-object", "--bucket", "cli-big", "--key", "note.txt", "--body",
                small.toString());
        assertThat(put.exit()).as(put.out()).isZero();
        assertThat(aws("s3", "cp", "s3://cli-big/note.txt", "-").out()).isEqualTo("chain of custody");
    }

    @Test
    void debianBoto3UploadsAndDownloadsALargeFile() throws Exception {
        boto3RoundTrip("/usr/bin/python3", "boto3-debian");
    }

    @Test
    void pipBoto3UploadsAndDownloadsALargeFile() throws Exception {
        boto3RoundTrip("python3", "boto3-pip");
    }

    private static void boto3RoundTrip(String python, String bucket) throws Exception {
        Path script = Files.writeString(dir.resolve(bucket + ".py"), BOTO3);
        Path down = dir.resolve(bucket + "-down.bin");
        Result result = run(List.of(python, script.toString(), AWS.emulator().endpoint().toString(), bucket,
                source.toString(), down.toString()));
        assumeTrue(!result.out().contains("No module named 'boto3'"), python + " has no boto3");
        assertThat(result.exit()).as(result.out()).isZero();
        assertThat(result.out().trim()).isEqualTo(Long.toString(Files.size(source)));
        assertThat(md5(down)).isEqualTo(md5(source));
    }
}
