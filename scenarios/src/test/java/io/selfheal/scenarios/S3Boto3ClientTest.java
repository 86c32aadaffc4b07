package io.selfheal.scenarios;

import org.junit.jupiter.api.Test;

/**
 * S3 through boto3 against {@code selfheal serve}, with each botocore installed (Debian's 1.29 and the newer one,
 * which sends CRC32 checksums by default): {@code src/test/resources/clients/s3_clients.py}. The AWS CLI's S3 checks
 * ({@code s3api}, {@code s3 cp/ls/rm} with a multipart upload) are in scripts/aws-cli-conformance.sh.
 */
class S3Boto3ClientTest {
    @Test
    void s3ChecksPassWithEachInstalledBotocore() throws Exception {
        QueryEmptyResultsClientTest.runWithEachBotocore("src/test/resources/clients/s3_clients.py", 710_000_000_000L);
    }
}
