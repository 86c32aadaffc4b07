package io.selfheal.scenarios;

import org.junit.jupiter.api.Test;

/**
 * Runs {@code scripts/aws-cli-lambda-esm.sh} (Debian's AWS CLI v2: an SQS event source mapping that deletes what
 * its function handled, receives a failing message again after the visibility timeout and leaves it to the
 * queue's redrive policy) against {@code selfheal serve --virtual-clock}.
 */
class AwsCliLambdaEsmScriptTest {
    @Test
    void everyCheckOfTheScriptPasses() throws Exception {
        VirtualClockScripts.assertEveryCheckPasses("aws-cli-lambda-esm.sh");
    }
}
