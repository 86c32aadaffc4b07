package io.selfheal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every empty answer of the query-protocol and EC2-query services (no queue, an empty receive, no topic, no alarm,
 * no instance …) parsed by botocore as AWS's would be: {@code src/test/resources/clients/empty_results.py} against
 * {@code selfheal serve}, run by each botocore installed — Debian's 1.29 under /usr/bin/python3 (the AWS CLI 2.9's
 * generation: SQS and CloudWatch over AWS query) and the newer one of the {@code python3} on the PATH (SQS over AWS
 * JSON, CloudWatch over Smithy RPC v2 CBOR). Each run uses a fresh account. The AWS CLI's own empty checks are in
 * scripts/aws-cli-conformance.sh. Skipped where no botocore is installed; .ci/run installs Debian's.
 */
class QueryEmptyResultsClientTest {
    private static final String SCRIPT = "src/test/resources/clients/empty_results.py";

    @Test
    void everyEmptyAnswerParsesWithEachInstalledBotocore() throws Exception {
        runWithEachBotocore(SCRIPT, 700_000_000_000L);
    }

    /**
     * Runs a client script ({@code script ENDPOINT ACCOUNT}, ending "botocore V: N passed, 0 failed") against one
     * {@code selfheal serve} with each installed botocore, a fresh account per run from {@code firstAccount} on.
     */
    static void runWithEachBotocore(String script, long firstAccount) throws Exception {
        Map<String, String> pythons = botocores();
        assumeTrue(!pythons.isEmpty(), "no python3 with botocore installed");
        try (ServeProcess serve = ServeProcess.start()) {
            long account = firstAccount;
            for (Map.Entry<String, String> python : pythons.entrySet()) {
                Process p = new ProcessBuilder(python.getValue(), script, serve.endpoint(), Long.toString(++account))
                        .redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(output).as("botocore " + python.getKey() + ":\n" + output)
                        .contains("botocore " + python.getKey() + ": ").contains(" passed, 0 failed");
                assertThat(p.exitValue()).as(output).isZero();
            }
        }
    }

    /** botocore version → the interpreter that has it, one interpreter per version. */
    private static Map<String, String> botocores() throws InterruptedException {
        Map<String, String> found = new LinkedHashMap<>();
        for (String python : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(new ArrayList<>(List.of(python, "-c",
                        "import botocore; print(botocore.__version__)"))).redirectErrorStream(true).start();
                String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    found.putIfAbsent(version, python);
                }
            } catch (IOException notInstalled) {
                // that interpreter is absent: the other may do
            }
        }
        return found;
    }
}
