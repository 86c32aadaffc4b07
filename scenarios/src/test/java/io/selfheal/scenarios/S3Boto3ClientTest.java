package io.selfheal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * S3 through boto3 against {@code selfheal serve}, with each botocore installed (Debian's 1.29 and the newer one,
 * which sends CRC32 checksums by default): {@code src/test/resources/clients/s3_clients.py}. The AWS CLI's S3 checks
 * ({@code s3api}, {@code s3 cp/ls/rm} with a multipart upload) are in scripts/aws-cli-conformance.sh.
 */
class S3Boto3ClientTest {
    private static final String SCRIPT = "src/test/resources/clients/s3_clients.py";

    @Test
    void s3ChecksPassWithEachInstalledBotocore() throws Exception {
        Map<String, String> pythons = QueryEmptyResultsClientTest.botocores();
        assumeTrue(!pythons.isEmpty(), "no python3 with botocore installed");
        try (ServeProcess serve = ServeProcess.start()) {
            long account = 710_000_000_000L;
            for (Map.Entry<String, String> python : pythons.entrySet()) {
                Process p = new ProcessBuilder(python.getValue(), SCRIPT, serve.endpoint(), Long.toString(++account))
                        .redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(output).as("botocore " + python.getKey() + ":\n" + output)
                        .contains("botocore " + python.getKey() + ": ").contains(" passed, 0 failed");
                assertThat(p.exitValue()).as(output).isZero();
            }
        }
    }
}
