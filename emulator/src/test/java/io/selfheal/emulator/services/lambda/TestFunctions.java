package io.selfheal.emulator.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.services.lambda.testfunctions.EchoHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** The test handlers as a deployment package (a jar built from the compiled test classes), and shortcuts. */
final class TestFunctions {
    static final String ROLE = "arn:aws:iam::123456789012:role/service-role/remediation-role";
    private static final String PACKAGE = "io/selfheal/emulator/services/lambda/testfunctions/";
    private static byte[] jar;

    private TestFunctions() {
    }

    /** A jar holding every class of the testfunctions package, as {@code mvn package} would build one. */
    static synchronized byte[] jar() {
        if (jar == null) {
            try {
                Path root = Path.of(EchoHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ZipOutputStream zip = new ZipOutputStream(bytes);
                     Stream<Path> classes = Files.list(root.resolve(PACKAGE))) {
                    zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
                    zip.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
                    for (Path c : classes.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                        zip.putNextEntry(new ZipEntry(PACKAGE + c.getFileName()));
                        zip.write(Files.readAllBytes(c));
                    }
                }
                jar = bytes.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return jar;
    }

    /** The files of a test resource directory ({@code /lambda/python}) as a deployment package zip. */
    static byte[] zipOf(String resourceDirectory) {
        try {
            Path root = Path.of(TestFunctions.class.getResource(resourceDirectory).toURI());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.list(root)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
                    zip.write(Files.readAllBytes(f));
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes {@link #ROLE} in the emulator {@code lambda} talks to, trusting Lambda, as a deployment does before
     * CreateFunction (Lambda refuses a role that does not exist or does not trust it).
     */
    static void ensureRole(LambdaClient lambda) {
        var config = lambda.serviceClientConfiguration();
        try (software.amazon.awssdk.services.iam.IamClient iam = software.amazon.awssdk.services.iam.IamClient
                .builder().endpointOverride(config.endpointOverride().orElseThrow()).region(config.region())
                .credentialsProvider(config.credentialsProvider()).build()) {
            iam.createRole(r -> r.path("/service-role/").roleName("remediation-role").assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                            + "{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
        } catch (software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException exists) {
            // made by an earlier test against the same emulator
        }
    }

    /** A function of a script language from a zip of test sources: {@code handler} as the runtime reads it. */
    static CreateFunctionResponse createScript(LambdaClient lambda, String name, String runtime, byte[] zip,
                                               String handler, Consumer<CreateFunctionRequest.Builder> more) {
        CreateFunctionRequest.Builder b = CreateFunctionRequest.builder()
                .functionName(name)
                .runtime(runtime)
                .role(ROLE)
                .handler(handler)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip)));
        more.accept(b);
        ensureRole(lambda);
        return lambda.createFunction(b.build());
    }

    /** The sandbox processes of this JVM whose command line contains {@code marker} ({@code bootstrap.py} …). */
    static List<ProcessHandle> processes(String marker) {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(marker))
                .toList();
    }

    static CreateFunctionResponse create(LambdaClient lambda, String name, Class<?> handler) {
        return create(lambda, name, handler, b -> { });
    }

    static CreateFunctionResponse create(LambdaClient lambda, String name, Class<?> handler,
                                         Consumer<CreateFunctionRequest.Builder> more) {
        CreateFunctionRequest.Builder b = CreateFunctionRequest.builder()
                .functionName(name)
                .runtime("java17")
                .role(ROLE)
                .handler(handler.getName() + "::handleRequest")
                .code(c -> c.zipFile(SdkBytes.fromByteArray(jar())));
        more.accept(b);
        ensureRole(lambda);
        return lambda.createFunction(b.build());
    }

    /** The invocation's payload as JSON (the function's result or its error document). */
    static JsonNode payloadJson(InvokeResponse r) {
        try {
            return Json.parse(r.payload().asUtf8String());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.payload().asUtf8String(), e);
        }
    }

    /** The decoded {@code LogResult} of an invocation with {@code LogType.TAIL}. */
    static String tailLog(InvokeResponse r) {
        return new String(Base64.getDecoder().decode(r.logResult()), StandardCharsets.UTF_8);
    }

    static InvokeResponse invoke(LambdaClient lambda, String name, String payload) {
        return lambda.invoke(r -> r.functionName(name).payload(SdkBytes.fromUtf8String(payload)));
    }

    static List<ProcessHandle> sandboxProcesses() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("AWSLambda"))
                .toList();
    }
}
