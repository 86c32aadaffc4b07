package io.selfheal.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPatternCommandTest {
    private static final String PATTERN = "@../fixtures/src/main/resources/patterns/ec2-cpu-high-alarm.json";
    private static final String EC2 = "@../fixtures/src/main/resources/events/cloudwatch-alarm-state-change-ec2-cpu.json";
    private static final String RDS = "@../fixtures/src/main/resources/events/cloudwatch-alarm-state-change-rds-cpu.json";

    @Test
    void aMatchExitsZero() {
        CliCapture run = CliCapture.run("test-pattern", PATTERN, EC2);
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("matches" + System.lineSeparator());
    }

    @Test
    void aMissExitsOneNamingEachFailingField() {
        CliCapture run = CliCapture.run("test-pattern", PATTERN, RDS);
        assertThat(run.exit()).isEqualTo(SelfhealCli.FAILED);
        assertThat(run.out()).startsWith("does not match")
                .contains("detail.alarmName: allowed [{\"prefix\":\"EC2-CPU-High-\"}], event has \"RDS-CPU-High-orders-db\"")
                .contains("detail.configuration.metrics.metricStat.metric.namespace: allowed [\"AWS/EC2\"],"
                        + " event has \"AWS/RDS\"")
                .doesNotContain("detail-type");
    }

    @Test
    void inlineJsonWorksAndTheGeneratedEventsFeedIt(@TempDir Path dir) throws IOException {
        Path event = dir.resolve("event.json");
        Files.writeString(event, CliCapture.run("events", "cloudwatch", "alarm-state-change",
                "--set", "detail.state.value=OK").out());
        CliCapture run = CliCapture.run("test-pattern", "{\"detail\": {\"state\": {\"value\": [\"ALARM\"]}}}",
                "@" + event);
        assertThat(run.exit()).isEqualTo(SelfhealCli.FAILED);
        assertThat(run.out()).contains("detail.state.value: allowed [\"ALARM\"], event has \"OK\"");
    }

    @Test
    void anInvalidPatternExitsTwoWithEventBridgesMessage() {
        CliCapture run = CliCapture.run("test-pattern", "{\"source\": \"aws.ec2\"}", EC2);
        assertThat(run.exit()).isEqualTo(SelfhealCli.INVALID);
        assertThat(run.err()).startsWith("Event pattern is not valid. Reason: ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anInvalidEventOrMissingFileExitsTwo() {
        assertThat(CliCapture.run("test-pattern", PATTERN, "{oops").err()).startsWith("Parameter Event is not valid");
        CliCapture missing = CliCapture.run("test-pattern", "@no/such.json", EC2);
        assertThat(missing.exit()).isEqualTo(SelfhealCli.INVALID);
        assertThat(missing.err()).contains("no/such.json: no such file");
    }
}
