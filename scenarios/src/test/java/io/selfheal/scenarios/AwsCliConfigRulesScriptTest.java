package io.selfheal.scenarios;

import org.junit.jupiter.api.Test;

/**
 * Runs {@code scripts/aws-cli-config-rules.sh} (Debian's AWS CLI v2: a recorder, the managed rule restricted-ssh, a
 * security group drifting to NON_COMPLIANT and back with one compliance-change event each on an SQS queue, a periodic
 * rule on the virtual clock, remediation configurations) against {@code selfheal serve --virtual-clock}.
 */
class AwsCliConfigRulesScriptTest {
    @Test
    void everyCheckOfTheScriptPasses() throws Exception {
        VirtualClockScripts.assertEveryCheckPasses("aws-cli-config-rules.sh");
    }
}
