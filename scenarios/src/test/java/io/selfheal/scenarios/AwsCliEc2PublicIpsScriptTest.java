package io.selfheal.scenarios;

import org.junit.jupiter.api.Test;

/**
 * Runs {@code scripts/aws-cli-ec2-public-ips.sh} (Debian's AWS CLI v2: a subnet's MapPublicIpOnLaunch, an instance's
 * public address across stop and start, the address filters, and an Elastic IP's allocation, association,
 * reassociation, refused release, disassociation and release) against {@code selfheal serve --virtual-clock}.
 */
class AwsCliEc2PublicIpsScriptTest {
    @Test
    void everyCheckOfTheScriptPasses() throws Exception {
        VirtualClockScripts.assertEveryCheckPasses("aws-cli-ec2-public-ips.sh");
    }
}
