package io.selfheal.scenarios;

import org.junit.jupiter.api.Test;

/**
 * Runs {@code scripts/aws-cli-config-recording.sh} (Debian's AWS CLI v2: an AWS Config recorder and delivery channel,
 * a security group's configuration items and their "Config Configuration Item Change" events delivered to SQS through
 * EventBridge) against {@code selfheal serve --virtual-clock}.
 */
class AwsCliConfigRecordingScriptTest {
    @Test
    void everyCheckOfTheScriptPasses() throws Exception {
        VirtualClockScripts.assertEveryCheckPasses("aws-cli-config-recording.sh");
    }
}
