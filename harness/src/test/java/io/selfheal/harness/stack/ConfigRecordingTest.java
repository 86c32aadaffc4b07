package io.selfheal.harness.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.harness.backend.EmbeddedCloud;
import org.junit.jupiter.api.Test;

/**
 * The recorder's role is Config's service-linked role, created through IAM as the console creates it
 * (https://docs.aws.amazon.com/config/latest/developerguide/using-service-linked-roles.html), or the account's own
 * when it exists already: a recorder never names a role the account does not have.
 */
class ConfigRecordingTest {
    @Test
    void theServiceLinkedRoleIsCreatedOnceAndThenReused() {
        try (EmbeddedCloud cloud = new EmbeddedCloud(false); CloudClients clients = new CloudClients(cloud)) {
            String arn = "arn:aws:iam::" + cloud.emulator().accountId()
                    + ":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig";

            assertThat(ConfigRecording.serviceLinkedRole(clients.iam())).isEqualTo(arn);
            assertThat(clients.iam().getRole(r -> r.roleName("AWSServiceRoleForConfig")).role().arn()).isEqualTo(arn);
            assertThat(ConfigRecording.serviceLinkedRole(clients.iam())).as("the account's own, a second time")
                    .isEqualTo(arn);
        }
    }
}
