package io.selfheal.harness.runid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How a run names what it makes: {@code <name>-sh-<runid>} within each service's limit. */
class RunIdentityTest {
    private static final RunIdentity RUN = new RunIdentity("1a2b3c4d", "cpu-reboot");

    @Test
    void namesCarryTheRunIdOnceAndFitTheServicesLimit() {
        assertThat(RUN.name("reboot-role", NameLimits.IAM_ROLE)).isEqualTo("reboot-role-sh-1a2b3c4d");
        assertThat(RUN.name("reboot-role-sh-1a2b3c4d", NameLimits.IAM_ROLE)).as("a referenced name of the run")
                .isEqualTo("reboot-role-sh-1a2b3c4d");
        assertThat(RUN.name("orders.fifo", NameLimits.SQS_QUEUE)).isEqualTo("orders-sh-1a2b3c4d.fifo");
        assertThat(RUN.name("/app/remediation", NameLimits.LOG_GROUP)).isEqualTo("/app/remediation-sh-1a2b3c4d");
        assertThat(RUN.name("EC2-CPU-High-web", NameLimits.ALARM)).as("a team's prefix convention still holds")
                .startsWith("EC2-CPU-High-");
        assertThat(RunIdentity.names("orders-sh-1a2b3c4d.fifo", "1a2b3c4d")).isTrue();
        assertThat(RunIdentity.names("orders-sh-1a2b3c4e", "1a2b3c4d")).isFalse();

        String longName = "x".repeat(70);
        String a = RUN.name(longName, NameLimits.IAM_ROLE);
        String b = RUN.name(longName + "y", NameLimits.IAM_ROLE);
        assertThat(a).hasSize(64).endsWith("-sh-1a2b3c4d").isNotEqualTo(b);
        assertThat(RUN.name("q".repeat(90) + ".fifo", NameLimits.SQS_QUEUE)).hasSize(80).endsWith(".fifo");
    }

    @Test
    void tagsNameTheRunAndTheScenario() {
        assertThat(RUN.tags()).containsEntry("selfheal:run-id", "1a2b3c4d")
                .containsEntry("selfheal:scenario", "cpu-reboot");
    }

    @Test
    void aRunIdIsEightLowercaseHexDigits() {
        assertThat(RunIdentity.newRunId()).matches("[0-9a-f]{8}");
        assertThatThrownBy(() -> RunIdentity.check("1A2B3C4D")).hasMessageContaining("8 lowercase hex digits");
        assertThatThrownBy(() -> RunIdentity.check("1a2b")).isInstanceOf(IllegalArgumentException.class);
    }
}
