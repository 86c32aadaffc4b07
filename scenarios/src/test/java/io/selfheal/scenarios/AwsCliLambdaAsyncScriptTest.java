package io.selfheal.scenarios;

import org.junit.jupiter.api.Test;

/**
 * Runs {@code scripts/aws-cli-lambda-async.sh} (Debian's AWS CLI v2: an asynchronous invoke of a failing function,
 * its retries at AWS's intervals, its on-failure record and its dead letter) against
 * {@code selfheal serve --virtual-clock}.
 */
class AwsCliLambdaAsyncScriptTest {
    @Test
    void everyCheckOfTheScriptPasses() throws Exception {
        VirtualClockScripts.assertEveryCheckPasses("aws-cli-lambda-async.sh");
    }
}
