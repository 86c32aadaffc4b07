package io.selfheal.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SelfhealCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void validateAcceptsAValidFile() {
        int exit = SelfhealCli.execute("validate", "src/test/resources/scenarios/valid/full.yaml");
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("OK    full-example").contains("1 valid, 0 invalid");
    }

    @Test
    void validateReportsEveryProblemAndExitsTwo() throws java.io.IOException {
        long files;
        try (var list = java.nio.file.Files.list(java.nio.file.Path.of("src/test/resources/scenarios/broken"))) {
            files = list.count();
        }
        int exit = SelfhealCli.execute("validate", "src/test/resources/scenarios/broken");
        assertThat(exit).isEqualTo(SelfhealCli.INVALID);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("wrong-types.yaml:11:16: stack.functions.fn.timeout: expected a whole number, found 'thirty'")
                .contains("bad-yaml.yaml:6:7: YAML syntax");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 valid, " + files + " invalid");
    }

    @Test
    void runRefusesInvalidFilesWithExitTwoBeforeStartingAnything() {
        int exit = SelfhealCli.execute("run", "src/test/resources/scenarios/broken/unknown-keys.yaml");
        assertThat(exit).isEqualTo(SelfhealCli.INVALID);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 passed, 1 failed (1 invalid file)");
    }

    @Test
    void aMissingPathIsAnError() {
        assertThat(SelfhealCli.execute("validate", "no/such/dir")).isEqualTo(SelfhealCli.INVALID);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no/such/dir: no such file or directory");
    }

    @Test
    void anUnknownOptionIsUsageErrorTwo() {
        assertThat(SelfhealCli.execute("run", "--frobnicate")).isEqualTo(SelfhealCli.INVALID);
    }
}
