package io.selfheal.emulator.services.lambda;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.InternalBus;
import io.selfheal.emulator.core.NoHandlerException;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.messages.ReadObject;
import io.selfheal.emulator.service.Params;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * Where a deployment package comes from: {@code ZipFile} (base64 in the request) or an S3 object
 * ({@code S3Bucket}, {@code S3Key}, optional {@code S3ObjectVersion}), the members of CreateFunction's {@code Code}
 * and of UpdateFunctionCode's request (https://docs.aws.amazon.com/lambda/latest/api/API_FunctionCode.html,
 * https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionCode.html).
 *
 * <p>A zip in the request may be 50 MB ("Lambda quotas", deployment package: "50 MB (zipped, when uploaded through
 * the Lambda API or SDKs). Upload larger files with Amazon S3."); AWS refuses a larger request with
 * {@code RequestEntityTooLargeException} (413), "Request must be smaller than 69905067 bytes for the CreateFunction
 * operation" — the base64 length of 50 MiB, as public reports quote it (e.g.
 * https://github.com/localstack/localstack/pull/2999). From S3 only the 250 MB unzipped limit applies.
 *
 * <p>Lambda reads the object from the function's region with the caller's permissions. S3's refusals reach the caller
 * in Lambda's words, as public reports quote them: {@code InvalidParameterValueException}, "Error occurred while
 * GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The specified key does not exist."
 * (https://github.com/aws-samples/aws-service-catalog-reference-architectures/issues/108; PermanentRedirect for a
 * bucket in another region: https://github.com/arabold/aws-to-slack/issues/17), and for a denial
 * {@code AccessDeniedException} (403), "Your access has been denied by S3, please make sure your request credentials
 * have permission to GetObject for bucket/key. S3 Error Code: AccessDenied. S3 Error Message: Access Denied"
 * (https://github.com/binxio/cfn-lb-ip-address-provider/issues/4).
 */
record PackageSource(String zipBase64, String bucket, String key, String version) {
    /** The longest base64 {@code ZipFile} a request may carry: 50 MiB, encoded. */
    static final int MAX_DIRECT_BASE64 = 69_905_067;
    private static final Pattern BUCKET = Pattern.compile("^[0-9A-Za-z\\.\\-_]*(?<!\\.)$");

    /**
     * Reads the package's source from {@code code} ({@code null} when the request has none).
     *
     * @param field     where the members are, for validation messages: {@code code.} for CreateFunction, empty for
     *                  UpdateFunctionCode
     * @param operation the operation, for the size refusal
     */
    static PackageSource of(Params code, String field, String operation) {
        if (code == null) {
            throw LambdaErrors.validation(field.isEmpty() ? "zipFile" : "code", "null", "Member must not be null");
        }
        if (code.has("ImageUri")) {
            throw LambdaErrors.invalidParameter("selfheal takes function code as a zip or jar (ZipFile or "
                    + "S3Bucket/S3Key), not as a container image.");
        }
        String zip = code.string("ZipFile");
        String bucket = code.string("S3Bucket");
        String key = code.string("S3Key");
        String version = code.string("S3ObjectVersion");
        if (zip != null && !zip.isEmpty()) {
            if (bucket != null || key != null || version != null) {
                throw LambdaErrors.invalidParameter(
                        "Please do not provide other FunctionCode parameters when providing a ZipFile.");
            }
            if (zip.length() > MAX_DIRECT_BASE64) {
                throw new AwsException("RequestEntityTooLargeException", "Request must be smaller than "
                        + MAX_DIRECT_BASE64 + " bytes for the " + operation + " operation", 413);
            }
            return new PackageSource(zip, null, null, null);
        }
        if (bucket == null || key == null) {
            throw LambdaErrors.invalidParameter("Please provide a source for function code.");
        }
        if (bucket.length() < 3 || bucket.length() > 63 || !BUCKET.matcher(bucket).matches()) {
            throw LambdaErrors.validation(field + "s3Bucket", bucket, bucket.length() < 3 || bucket.length() > 63
                    ? "Member must have length between 3 and 63"
                    : "Member must satisfy regular expression pattern: " + BUCKET.pattern());
        }
        if (key.isEmpty() || key.length() > 1024) {
            throw LambdaErrors.validation(field + "s3Key", key, "Member must have length between 1 and 1024");
        }
        if (version != null && (version.isEmpty() || version.length() > 1024)) {
            throw LambdaErrors.validation(field + "s3ObjectVersion", version,
                    "Member must have length between 1 and 1024");
        }
        return new PackageSource(null, bucket, key, version);
    }

    /** Extracts the package: decoded from the request, or read from S3 as the caller. */
    FunctionCode extract(FunctionRuntime runtime, String runtimeName, InternalBus bus, RequestContext ctx) {
        if (zipBase64 != null) {
            return runtime.extract(zipBase64, runtimeName);
        }
        ReadObject.Result object;
        try {
            object = bus.ask(new ReadObject(ctx.caller(), ctx.region(), bucket, key, version));
        } catch (NoHandlerException noS3) {
            object = ReadObject.Result.refused("NoSuchBucket", "The specified bucket does not exist");
        }
        if (!object.found()) {
            throw refused(object);
        }
        try (InputStream body = object.body()) {
            return runtime.extract(body, runtimeName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AwsException refused(ReadObject.Result object) {
        String s3Said = "S3 Error Code: " + object.errorCode() + ". S3 Error Message: " + object.errorMessage();
        if (object.errorCode().equals("AccessDenied")) {
            return new AwsException("AccessDeniedException", "Your access has been denied by S3, please make sure "
                    + "your request credentials have permission to GetObject for " + bucket + "/" + key + ". "
                    + s3Said, 403);
        }
        return LambdaErrors.invalidParameter("Error occurred while GetObject. " + s3Said);
    }
}
