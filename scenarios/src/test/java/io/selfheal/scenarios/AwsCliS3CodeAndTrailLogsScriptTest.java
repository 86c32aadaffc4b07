package io.selfheal.scenarios;

import org.junit.jupiter.api.Test;

/**
 * Runs {@code scripts/aws-cli-s3-code-and-trail-logs.sh} (Debian's AWS CLI v2: a function deployed from a package
 * copied to S3 with {@code aws s3 cp}, and a logging trail's gzipped log file found with {@code aws s3 ls} and fetched
 * with {@code aws s3 cp}) against {@code selfheal serve --virtual-clock}.
 */
class AwsCliS3CodeAndTrailLogsScriptTest {
    @Test
    void everyCheckOfTheScriptPasses() throws Exception {
        VirtualClockScripts.assertEveryCheckPasses("aws-cli-s3-code-and-trail-logs.sh");
    }
}
