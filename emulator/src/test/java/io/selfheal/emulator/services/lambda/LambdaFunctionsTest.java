package io.selfheal.emulator.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.services.lambda.testfunctions.EchoHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.State;

/** Creating, reading, listing, updating and deleting functions, and Lambda's refusals, through the real SDK. */
class LambdaFunctionsTest {
    private static final String ARN_PREFIX = "arn:aws:lambda:us-east-1:123456789012:function:";
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();
    private static Emulator emulator;
    private static LambdaClient lambda;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        lambda = AWS.client(LambdaClient.class);
    }

    @AfterEach
    void forgetFunctions() {
        emulator.control().reset();
    }

    @Test
    void createReturnsTheFunctionConfiguration() throws Exception {
        CreateFunctionResponse created = TestFunctions.create(lambda, "echo", EchoHandler.class, b -> b
                .description("echoes").timeout(30).memorySize(512)
                .environment(e -> e.variables(Map.of("STAGE", "test"))));

        byte[] jar = TestFunctions.jar();
        assertThat(created.functionName()).isEqualTo("echo");
        assertThat(created.functionArn()).isEqualTo(ARN_PREFIX + "echo");
        assertThat(created.runtimeAsString()).isEqualTo("java17");
        assertThat(created.role()).isEqualTo(TestFunctions.ROLE);
        assertThat(created.handler()).isEqualTo(EchoHandler.class.getName() + "::handleRequest");
        assertThat(created.description()).isEqualTo("echoes");
        assertThat(created.timeout()).isEqualTo(30);
        assertThat(created.memorySize()).isEqualTo(512);
        assertThat(created.codeSize()).isEqualTo(jar.length);
        assertThat(created.codeSha256()).isEqualTo(
                Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(jar)));
        assertThat(created.version()).isEqualTo("$LATEST");
        assertThat(created.state()).isEqualTo(State.ACTIVE);
        assertThat(created.packageTypeAsString()).isEqualTo("Zip");
        assertThat(created.architectures()).containsExactly(Architecture.X86_64);
        assertThat(created.lastModified()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
        assertThat(created.environment().variables()).containsEntry("STAGE", "test");
        assertThat(created.revisionId()).isNotBlank();
    }

    /**
     * AWS takes zip uploads up to 50 MB in the request ("Lambda quotas": deployment package, direct upload), which is
     * far more base64 text than a JSON parser allows by default (20 M characters in Jackson). 16 MiB of random
     * bytes cannot compress, so this upload carries over 22 M characters.
     */
    @Test
    void codeUploadsLargerThanTwentyMillionBase64CharactersAreAccepted() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes);
             ZipInputStream classes = new ZipInputStream(new ByteArrayInputStream(TestFunctions.jar()))) {
            for (ZipEntry e = classes.getNextEntry(); e != null; e = classes.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(classes.readAllBytes());
            }
            byte[] padding = new byte[16 * 1024 * 1024];
            new Random(42).nextBytes(padding);
            zip.putNextEntry(new ZipEntry("padding.bin"));
            zip.write(padding);
        }
        byte[] big = bytes.toByteArray();
        assertThat(Base64.getEncoder().encodeToString(big).length()).isGreaterThan(20_000_000);

        TestFunctions.ensureRole(lambda);
        CreateFunctionResponse created = lambda.createFunction(r -> r.functionName("big").runtime("java17")
                .handler(EchoHandler.class.getName()).role(TestFunctions.ROLE)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(big))));

        assertThat(created.codeSize()).isEqualTo(big.length);
        assertThat(TestFunctions.invoke(lambda, "big", "{\"k\":1}").payload().asUtf8String()).contains("\"k\"");
    }

    /**
     * AWS extracts the package into LAMBDA_TASK_ROOT (/var/task, on the class path). Class files are loaded from the
     * package kept beside it; everything else must be readable both as a file there and as a resource.
     */
    @Test
    void packagedFilesAreInTheTaskRootAndOnTheClassPath() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes);
             ZipInputStream classes = new ZipInputStream(new ByteArrayInputStream(TestFunctions.jar()))) {
            for (ZipEntry e = classes.getNextEntry(); e != null; e = classes.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(classes.readAllBytes());
            }
            zip.putNextEntry(new ZipEntry("config/settings.txt"));
            zip.write("threshold=90".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        TestFunctions.ensureRole(lambda);
        lambda.createFunction(r -> r.functionName("taskroot").runtime("java17").role(TestFunctions.ROLE)
                .handler(io.selfheal.emulator.services.lambda.testfunctions.TaskRootHandler.class.getName())
                .timeout(30).code(c -> c.zipFile(SdkBytes.fromByteArray(bytes.toByteArray()))));

        String out = TestFunctions.invoke(lambda, "taskroot", "{\"file\":\"config/settings.txt\"}").payload()
                .asUtf8String();

        assertThat(out).contains("\"file\":\"threshold=90\"").contains("\"resource\":\"threshold=90\"")
                .contains("\"classFileOnDisk\":false");
    }

    @Test
    void defaultsAreThreeSecondsAnd128Megabytes() {
        CreateFunctionResponse created = TestFunctions.create(lambda, "defaults", EchoHandler.class);
        assertThat(created.timeout()).isEqualTo(3);
        assertThat(created.memorySize()).isEqualTo(128);
        assertThat(created.environment()).isNull();
    }

    @Test
    void getFunctionAcceptsNameArnAndPartialArn() {
        TestFunctions.create(lambda, "findme", EchoHandler.class);
        for (String name : List.of("findme", ARN_PREFIX + "findme", "123456789012:function:findme",
                ARN_PREFIX + "findme:$LATEST")) {
            GetFunctionResponse got = lambda.getFunction(r -> r.functionName(name));
            assertThat(got.configuration().functionArn()).as(name).isEqualTo(ARN_PREFIX + "findme");
            assertThat(got.code().repositoryType()).isEqualTo("S3");
            assertThat(got.code().location()).startsWith("https://");
        }
        var config = lambda.getFunctionConfiguration(r -> r.functionName("findme"));
        assertThat(config.functionName()).isEqualTo("findme");
    }

    @Test
    void listFunctionsPagesInNameOrder() {
        for (String name : List.of("b-fn", "a-fn", "c-fn")) {
            TestFunctions.create(lambda, name, EchoHandler.class);
        }
        ListFunctionsResponse first = lambda.listFunctions(r -> r.maxItems(2));
        assertThat(first.functions()).extracting(FunctionConfiguration::functionName).containsExactly("a-fn", "b-fn");
        assertThat(first.nextMarker()).isNotNull();
        ListFunctionsResponse rest = lambda.listFunctions(r -> r.marker(first.nextMarker()));
        assertThat(rest.functions()).extracting(FunctionConfiguration::functionName).containsExactly("c-fn");
        assertThat(rest.nextMarker()).isNull();
        assertThat(lambda.listFunctionsPaginator(r -> r.maxItems(1)).functions()).hasSize(3);
    }

    @Test
    void creatingAnExistingFunctionIsAConflict() {
        TestFunctions.create(lambda, "twice", EchoHandler.class);
        assertThatThrownBy(() -> TestFunctions.create(lambda, "twice", EchoHandler.class))
                .isInstanceOfSatisfying(ResourceConflictException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Function already exist: twice");
                });
    }

    @Test
    void anUnknownFunctionIsNotFoundWithItsArn() {
        assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("nope")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Function not found: " + ARN_PREFIX + "nope");
                });
        assertThatThrownBy(() -> lambda.deleteFunction(r -> r.functionName("nope")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> TestFunctions.invoke(lambda, "nope", "{}"))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void catalogedRuntimesRunOthersAreRefused() {
        assertThat(TestFunctions.create(lambda, "on21", EchoHandler.class, b -> b.runtime("java21"))
                .runtimeAsString()).isEqualTo("java21");
        assertThatThrownBy(() -> TestFunctions.create(lambda, "rb", EchoHandler.class, b -> b.runtime("ruby3.3")))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).contains("ruby3.3 is not supported here")
                        .contains("java17, java21, python3.9"));
        // An identifier Lambda's model does not know fails its enum (InvalidParameterValueException, as Lambda sends).
        assertThatThrownBy(() -> TestFunctions.create(lambda, "cobol", EchoHandler.class, b -> b.runtime("cobol85")))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).startsWith("Value cobol85 at 'runtime' failed to satisfy"));
    }

    @Test
    void aPackageThatIsNotAZipIsRefused() {
        assertThatThrownBy(() -> TestFunctions.create(lambda, "badzip", EchoHandler.class,
                b -> b.code(c -> c.zipFile(SdkBytes.fromUtf8String("this is not a zip file")))))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).isEqualTo(
                        "Could not unzip uploaded file. Please check your file, then try to upload again."));
        assertThat(lambda.listFunctions().functions()).isEmpty();
    }

    @Test
    void invalidSettingsAreRefusedInLambdasWords() {
        assertThat(validationError(b -> b.role("not-a-role"))).contains("'not-a-role' at 'role'");
        assertThat(validationError(b -> b.timeout(0)))
                .contains("'0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1");
        assertThat(validationError(b -> b.timeout(901))).contains("less than or equal to 900");
        assertThat(validationError(b -> b.memorySize(64))).contains("'64' at 'memorySize'");
        assertThat(validationError(b -> b.memorySize(10241))).contains("less than or equal to 10240");
        assertThatThrownBy(() -> TestFunctions.create(lambda, "reserved", EchoHandler.class,
                b -> b.environment(e -> e.variables(Map.of("AWS_REGION", "eu-west-1")))))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).contains("Reserved keys used in this request: AWS_REGION"));
        assertThatThrownBy(() -> TestFunctions.create(lambda, "nohandler", EchoHandler.class, b -> b.handler(null)))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).contains("Runtime and Handler are mandatory"));
    }

    @Test
    void deleteRemovesTheFunction() {
        TestFunctions.create(lambda, "gone", EchoHandler.class);
        lambda.deleteFunction(r -> r.functionName("gone"));
        assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("gone")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(emulator.control().calls("lambda", "DeleteFunction")).last()
                .satisfies(call -> assertThat(call.status()).isEqualTo(204));
    }

    @Test
    void updatesChangeConfigurationAndCode() {
        String revision = TestFunctions.create(lambda, "changing", EchoHandler.class).revisionId();
        var updated = lambda.updateFunctionConfiguration(r -> r.functionName("changing")
                .timeout(10).environment(e -> e.variables(Map.of("MODE", "strict"))));
        assertThat(updated.timeout()).isEqualTo(10);
        assertThat(updated.memorySize()).isEqualTo(128);
        assertThat(updated.environment().variables()).containsExactly(Map.entry("MODE", "strict"));
        assertThat(updated.revisionId()).isNotEqualTo(revision);
        var recoded = lambda.updateFunctionCode(r -> r.functionName("changing")
                .zipFile(SdkBytes.fromByteArray(TestFunctions.jar())));
        assertThat(recoded.codeSize()).isEqualTo(TestFunctions.jar().length);
        assertThat(recoded.timeout()).isEqualTo(10);
    }

    private String validationError(java.util.function.Consumer<
            software.amazon.awssdk.services.lambda.model.CreateFunctionRequest.Builder> change) {
        try {
            TestFunctions.create(lambda, "invalid", EchoHandler.class, change);
        } catch (LambdaException e) {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.statusCode()).isEqualTo(400);
            return e.awsErrorDetails().errorMessage();
        }
        throw new AssertionError("expected a ValidationException");
    }
}
