package io.selfheal.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code run}'s endpoint options refuse what would be unsafe or meaningless before any cloud is touched: real AWS
 * without {@code --confirm-account}, an account id that is not one, endpoint settings without an endpoint.
 */
class RunEndpointOptionsTest {
    private static final String DIR = "src/test/resources/scenarios/runs";

    @Test
    void realAwsWithoutAConfirmedAccountIsRefused() {
        CliCapture run = CliCapture.run("run", "--real-aws", "--region", "us-east-1", DIR);
        assertThat(run.exit()).isEqualTo(SelfhealCli.INVALID);
        assertThat(run.err()).contains("--confirm-account 123456789012").contains("real resources");
        assertThat(run.out()).doesNotContain("passed");
    }

    @Test
    void anAmazonawsEndpointCountsAsRealAws() {
        CliCapture run = CliCapture.run("run", "--endpoint-url", "https://sts.eu-west-1.amazonaws.com", DIR);
        assertThat(run.exit()).isEqualTo(SelfhealCli.INVALID);
        assertThat(run.err()).contains("sts.eu-west-1.amazonaws.com").contains("--confirm-account");
    }

    @Test
    void endpointSettingsNeedAnEndpointAndAnAccountIdIsTwelveDigits() {
        CliCapture stray = CliCapture.run("run", "--profile", "sandbox", DIR);
        assertThat(stray.exit()).isEqualTo(SelfhealCli.INVALID);
        assertThat(stray.err()).contains("go with --endpoint-url or --real-aws");
        CliCapture badAccount = CliCapture.run("run", "--real-aws", "--confirm-account", "1234", DIR);
        assertThat(badAccount.exit()).isEqualTo(SelfhealCli.INVALID);
        assertThat(badAccount.err()).contains("12-digit");
        CliCapture both = CliCapture.run("run", "--real-aws", "--endpoint-url", "http://127.0.0.1:1",
                "--confirm-account", "123456789012", DIR);
        assertThat(both.exit()).isEqualTo(SelfhealCli.INVALID);
        assertThat(both.err()).contains("not both");
    }
}
