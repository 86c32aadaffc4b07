package io.selfheal.emulator.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.services.lambda.testfunctions.EchoHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * Java cold starts with a class-data-sharing archive per code: the first sandbox records, the archive is dumped after
 * its first invocation, later sandboxes map it, and an archive that does not map never fails an invocation. Linux
 * only: the proof that a sandbox mapped the archive is its {@code /proc/<pid>/maps}.
 */
@EnabledOnOs(OS.LINUX)
class JavaClassDataSharingTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();
    private static LambdaClient lambda;

    @BeforeAll
    static void start() {
        lambda = AWS.client(LambdaClient.class);
    }

    @Test
    void theFirstSandboxRecordsAndLaterSandboxesMapTheArchive() throws IOException {
        createWithCodeOfItsOwn("cds-echo");

        long recorder = pid(invoke("cds-echo"));
        String recorderLine = commandLine(recorder);
        assertThat(recorderLine).contains("-XX:+RecordDynamicDumpInfo").doesNotContain("SharedArchiveFile");
        Path entry = packageOnClassPath(recorderLine).getParent();
        assertThat(recorderLine).as("the task root is off the class path").doesNotContain(":" + taskRoot(recorder) + ":");
        Path archive = entry.resolve("classes.jsa");
        await().atMost(Duration.ofSeconds(90)).until(() -> Files.isRegularFile(archive));

        replaceSandboxes("cds-echo", "1");
        InvokeResponse mapped = invoke("cds-echo");
        long user = pid(mapped);
        assertThat(user).isNotEqualTo(recorder);
        assertThat(commandLine(user)).contains("-XX:SharedArchiveFile=" + archive);
        assertThat(Files.readString(Path.of("/proc/" + user + "/maps"))).contains(archive.toString());
        assertThat(TestFunctions.tailLog(mapped)).as("no CDS chatter in the function's log")
                .doesNotContain("[cds").doesNotContain("warning");
        assertThat(TestFunctions.payloadJson(mapped).get("input").get("n").asInt()).isEqualTo(1);
    }

    @Test
    void anArchiveThatDoesNotMapIsSetAsideAndTheInvocationSucceeds() throws IOException {
        createWithCodeOfItsOwn("cds-broken");
        long recorder = pid(invoke("cds-broken"));
        Path archive = packageOnClassPath(commandLine(recorder)).resolveSibling("classes.jsa");
        await().atMost(Duration.ofSeconds(90)).until(() -> Files.isRegularFile(archive));

        // A damaged archive (a new file: the running sandbox may have the old one mapped).
        Path garbage = Files.writeString(archive.resolveSibling("garbage.tmp"), "not an archive");
        Files.move(garbage, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        replaceSandboxes("cds-broken", "1");

        InvokeResponse r = invoke("cds-broken");

        assertThat(r.functionError()).isNull();
        assertThat(TestFunctions.payloadJson(r).get("input").get("n").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(archive)
                && Files.isRegularFile(archive.resolveSibling("refused")));
        replaceSandboxes("cds-broken", "2");
        long next = pid(invoke("cds-broken"));
        assertThat(commandLine(next)).as("later sandboxes start without it").doesNotContain("SharedArchiveFile")
                .doesNotContain("RecordDynamicDumpInfo");
    }

    /** The echo handler in code no earlier run has seen, so this run makes its archive (the cache is the machine's). */
    private static void createWithCodeOfItsOwn(String name) throws IOException {
        byte[] code = withNonce(TestFunctions.jar());
        TestFunctions.create(lambda, name, EchoHandler.class,
                b -> b.timeout(30).code(c -> c.zipFile(SdkBytes.fromByteArray(code))));
    }

    private static InvokeResponse invoke(String name) {
        return lambda.invoke(r -> r.functionName(name).logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"n\":1}")));
    }

    /** A configuration change replaces a function's execution environments, as on AWS. */
    private static void replaceSandboxes(String name, String generation) {
        lambda.updateFunctionConfiguration(r -> r.functionName(name)
                .environment(e -> e.variables(Map.of("GENERATION", generation))));
    }

    private static long pid(InvokeResponse r) {
        assertThat(r.functionError()).as(r.payload().asUtf8String()).isNull();
        return TestFunctions.payloadJson(r).get("pid").asLong();
    }

    private static String commandLine(long pid) throws IOException {
        return Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
    }

    private static Path taskRoot(long pid) throws IOException {
        return Path.of("/proc/" + pid + "/cwd").toRealPath();
    }

    private static Path packageOnClassPath(String commandLine) {
        String classPath = commandLine.split(" -classpath ")[1].split(" ")[0];
        return Arrays.stream(classPath.split(":")).filter(p -> p.endsWith("/package.jar")).map(Path::of)
                .findFirst().orElseThrow(() -> new AssertionError("no package.jar on " + classPath));
    }

    /** The same classes with one more entry: a code (CodeSha256) of its own. */
    private static byte[] withNonce(byte[] jar) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
            }
            out.putNextEntry(new ZipEntry("nonce.txt"));
            out.write(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
