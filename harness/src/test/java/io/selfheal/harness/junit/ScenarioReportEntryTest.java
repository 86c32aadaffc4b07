package io.selfheal.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.harness.engine.CheckResult;
import io.selfheal.harness.engine.RunFacts;
import io.selfheal.harness.engine.ScenarioResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the TestEngine publishes as a scenario's JUnit report entry. */
class ScenarioReportEntryTest {
    @Test
    void theEntryCarriesTheBackendTheSourceTheClockMttrTheSkippedChecksAndTheRequestIds() {
        ScenarioResult result = new ScenarioResult("reboot", Path.of("reboot.yaml"),
                List.of(new CheckResult("outcome", true, null, Duration.ZERO),
                        CheckResult.skipped("idempotency", "needs the emulator's call log")),
                null, Duration.ofSeconds(12), Duration.ofSeconds(20), Duration.ofSeconds(12), null, null)
                .withFacts(new RunFacts("aws", false, "CloudTrail", true, List.of()));

        assertThat(ScenarioDescriptor.reportEntry(result).getKeyValuePairs()).containsEntry("backend", "aws")
                .containsEntry("outcomesReadFrom", "CloudTrail").containsEntry("clock", "real")
                .containsEntry("remediationCalls", "none").containsEntry("mttr", "PT12S")
                .containsEntry("skipped.idempotency", "needs the emulator's call log");
    }
}
