package io.selfheal.emulator.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.TestClients;
import io.selfheal.emulator.core.authz.IamMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * CreateFunction and UpdateFunctionCode with code in S3 ({@code S3Bucket}, {@code S3Key}, {@code S3ObjectVersion};
 * https://docs.aws.amazon.com/lambda/latest/api/API_FunctionCode.html), through the SDK v2: Lambda reads the object
 * from the function's region with the caller's permissions, and S3's refusals come back in Lambda's words as public
 * reports quote them (cited on {@code PackageSource}). A zip over the 50 MB direct-upload quota
 * (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html) is refused in the request and accepted
 * from S3. IAM is enforced; the default root keys are never restricted.
 */
class LambdaCodeFromS3Test {
    private static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3");
    private static final String ACCOUNT = "123456789012";

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().configure(b -> b.iamMode(IamMode.ENFORCE));

    private static LambdaClient lambda;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        if (Files.isExecutable(DEBIAN_PYTHON)) {
            System.setProperty("selfheal.lambda.python", DEBIAN_PYTHON.toString());
        }
        lambda = AWS.client(LambdaClient.class);
        s3 = AWS.client(S3Client.class);
        TestFunctions.ensureRole(lambda);
        s3.createBucket(b -> b.bucket("deploy-artifacts"));
    }

    @AfterAll
    static void stop() {
        System.clearProperty("selfheal.lambda.python");
    }

    @Test
    void createAndUpdateAFunctionFromS3() throws Exception {
        byte[] v1 = pythonZip("v1");
        byte[] v2 = pythonZip("v2");
        s3.putObject(b -> b.bucket("deploy-artifacts").key("fn/v1.zip"), RequestBody.fromBytes(v1));
        s3.putObject(b -> b.bucket("deploy-artifacts").key("fn/v2.zip"), RequestBody.fromBytes(v2));

        var created = lambda.createFunction(function("from-s3",
                c -> c.s3Bucket("deploy-artifacts").s3Key("fn/v1.zip")));
        assertThat(created.codeSize()).isEqualTo(v1.length);
        assertThat(created.codeSha256()).isEqualTo(sha256(v1));
        assertThat(invoke("from-s3")).contains("\"v1\"");
        assertThat(lambda.getFunction(b -> b.functionName("from-s3")).code().repositoryType()).isEqualTo("S3");

        var updated = lambda.updateFunctionCode(b -> b.functionName("from-s3").s3Bucket("deploy-artifacts")
                .s3Key("fn/v2.zip").s3ObjectVersion("null"));
        assertThat(updated.codeSha256()).isEqualTo(sha256(v2));
        assertThat(invoke("from-s3")).contains("\"v2\"");
    }

    @Test
    void s3RefusalsComeBackInLambdasWords() throws Exception {
        s3.putObject(b -> b.bucket("deploy-artifacts").key("not-a-zip.txt"), RequestBody.fromString("hello"));
        assertRefused(c -> c.s3Bucket("no-such-artifacts").s3Key("fn.zip"), 400, "InvalidParameterValueException",
                "Error occurred while GetObject. S3 Error Code: NoSuchBucket. S3 Error Message: "
                        + "The specified bucket does not exist");
        assertRefused(c -> c.s3Bucket("deploy-artifacts").s3Key("missing.zip"), 400,
                "InvalidParameterValueException", "Error occurred while GetObject. S3 Error Code: NoSuchKey. "
                        + "S3 Error Message: The specified key does not exist.");
        s3.putObject(b -> b.bucket("deploy-artifacts").key("fn/v1.zip"), RequestBody.fromBytes(pythonZip("v1")));
        assertRefused(c -> c.s3Bucket("deploy-artifacts").s3Key("fn/v1.zip").s3ObjectVersion("3sL4kqtJlcpXroDTDmJ"),
                400, "InvalidParameterValueException", "Error occurred while GetObject. S3 Error Code: NoSuchVersion. "
                        + "S3 Error Message: The specified version does not exist.");
        assertRefused(c -> c.s3Bucket("deploy-artifacts").s3Key("not-a-zip.txt"), 400,
                "InvalidParameterValueException",
                "Could not unzip uploaded file. Please check your file, then try to upload again.");
        assertRefused(c -> c.s3Bucket("s3://deploy-artifacts").s3Key("fn/v1.zip"), 400, "ValidationException",
                "1 validation error detected: Value 's3://deploy-artifacts' at 'code.s3Bucket' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern: ^[0-9A-Za-z\\.\\-_]*(?<!\\.)$");
        byte[] zip = pythonZip("v1");
        assertRefused(c -> c.zipFile(SdkBytes.fromByteArray(zip)).s3Bucket("deploy-artifacts")
                .s3Key("fn/v1.zip"), 400, "InvalidParameterValueException",
                "Please do not provide other FunctionCode parameters when providing a ZipFile.");
        assertRefused(c -> c.s3Bucket("deploy-artifacts"), 400, "InvalidParameterValueException",
                "Please provide a source for function code.");
        assertThat(lambda.listFunctions().functions()).noneMatch(f -> f.functionName().equals("refused"));
    }

    @Test
    void aBucketInAnotherRegionIsRedirected() throws Exception {
        try (S3Client ireland = TestClients.of(S3Client.builder(), AWS.emulator(), Region.EU_WEST_1)) {
            ireland.createBucket(b -> b.bucket("artifacts-in-ireland")
                    .createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
            ireland.putObject(b -> b.bucket("artifacts-in-ireland").key("fn.zip"),
                    RequestBody.fromBytes(pythonZip("v1")));
        }
        assertRefused(c -> c.s3Bucket("artifacts-in-ireland").s3Key("fn.zip"), 400,
                "InvalidParameterValueException", "Error occurred while GetObject. S3 Error Code: PermanentRedirect. "
                        + "S3 Error Message: The bucket is in this region: eu-west-1. Please use this region to "
                        + "retry the request");
    }

    /** The caller reads the object: it needs s3:GetObject, and a bucket policy's Deny wins over its Allow. */
    @Test
    void theCallerMustBeAllowedToGetTheObject() throws Exception {
        s3.createBucket(b -> b.bucket("guarded-artifacts"));
        s3.putObject(b -> b.bucket("guarded-artifacts").key("fn.zip"), RequestBody.fromBytes(pythonZip("v1")));
        IamClient iam = AWS.client(IamClient.class);
        iam.createUser(b -> b.userName("deployer"));
        iam.putUserPolicy(b -> b.userName("deployer").policyName("deploy").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"lambda:*\","
                        + "\"iam:PassRole\"],\"Resource\":\"*\"}]}"));
        var key = iam.createAccessKey(b -> b.userName("deployer")).accessKey();
        try (LambdaClient deployer = LambdaClient.builder().endpointOverride(AWS.emulator().endpoint())
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))).build()) {
            CreateFunctionRequest request = function("guarded", c -> c.s3Bucket("guarded-artifacts").s3Key("fn.zip"));
            String denied = "Your access has been denied by S3, please make sure your request credentials have "
                    + "permission to GetObject for guarded-artifacts/fn.zip. S3 Error Code: AccessDenied. "
                    + "S3 Error Message: Access Denied";
            assertThatThrownBy(() -> deployer.createFunction(request)).isInstanceOfSatisfying(LambdaException.class,
                    e -> assertError(e, 403, "AccessDeniedException", denied));

            iam.putUserPolicy(b -> b.userName("deployer").policyName("read-artifacts").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                            + "\"Resource\":\"arn:aws:s3:::guarded-artifacts/*\"}]}"));
            s3.putBucketPolicy(b -> b.bucket("guarded-artifacts").policy(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\""
                            + "arn:aws:iam::" + ACCOUNT + ":user/deployer\"},\"Action\":\"s3:GetObject\","
                            + "\"Resource\":\"arn:aws:s3:::guarded-artifacts/*\"}]}"));
            assertThatThrownBy(() -> deployer.createFunction(request)).isInstanceOfSatisfying(LambdaException.class,
                    e -> assertError(e, 403, "AccessDeniedException", denied));

            s3.deleteBucketPolicy(b -> b.bucket("guarded-artifacts"));
            assertThat(deployer.createFunction(request).codeSha256()).isNotBlank();
            // A missing key is NoSuchKey only to a caller who may list the bucket (GetObject's documented rule).
            assertThatThrownBy(() -> deployer.updateFunctionCode(b -> b.functionName("guarded")
                    .s3Bucket("guarded-artifacts").s3Key("gone.zip"))).isInstanceOfSatisfying(
                    LambdaException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .isEqualTo("AccessDeniedException"));
        }
    }

    /** 50 MB zipped is the direct-upload quota; the same package deploys from S3. */
    @Test
    void aPackageOverTheDirectUploadQuotaDeploysFromS3() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("handler.py"));
            zip.write(handler("big").getBytes(StandardCharsets.UTF_8));
            byte[] padding = new byte[51 * 1024 * 1024];
            new Random(7).nextBytes(padding);
            zip.putNextEntry(new ZipEntry("padding.bin"));
            zip.write(padding);
        }
        byte[] big = bytes.toByteArray();
        assertRefused(c -> c.zipFile(SdkBytes.fromByteArray(big)), 413, "RequestEntityTooLargeException",
                "Request must be smaller than 69905067 bytes for the CreateFunction operation");

        s3.putObject(b -> b.bucket("deploy-artifacts").key("big.zip"), RequestBody.fromBytes(big));
        var created = lambda.createFunction(function("big-from-s3",
                c -> c.s3Bucket("deploy-artifacts").s3Key("big.zip")));
        assertThat(created.codeSize()).isEqualTo(big.length);
        assertThat(created.codeSha256()).isEqualTo(sha256(big));
        assertThat(invoke("big-from-s3")).contains("\"big\"");
    }

    private static CreateFunctionRequest function(String name, java.util.function.Consumer<FunctionCode.Builder> code) {
        return CreateFunctionRequest.builder().functionName(name).runtime("python3.12").handler("handler.handler")
                .role(TestFunctions.ROLE).code(code).build();
    }

    private static void assertRefused(java.util.function.Consumer<FunctionCode.Builder> code, int status,
                                      String errorCode, String message) {
        assertThatThrownBy(() -> lambda.createFunction(function("refused", code))).isInstanceOfSatisfying(
                LambdaException.class, e -> assertError(e, status, errorCode, message));
    }

    private static void assertError(LambdaException e, int status, String errorCode, String message) {
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(errorCode);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }

    private static String invoke(String name) {
        return TestFunctions.invoke(lambda, name, "{}").payload().asUtf8String();
    }

    private static String handler(String version) {
        return "def handler(event, context):\n    return {\"version\": \"" + version + "\"}\n";
    }

    private static byte[] pythonZip(String version) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("handler.py"));
            zip.write(handler(version).getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
