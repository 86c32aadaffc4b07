package io.selfheal.emulator.services.s3;

import io.selfheal.emulator.core.AwsException;

/** S3's errors in its codes, statuses and words ("Error responses", S3 API reference), with the elements S3 adds. */
final class S3Errors {
    private S3Errors() {
    }

    static AwsException noSuchBucket(String bucket) {
        return AwsException.notFound("NoSuchBucket", "The specified bucket does not exist")
                .withField("BucketName", bucket);
    }

    static AwsException noSuchKey(String key) {
        return AwsException.notFound("NoSuchKey", "The specified key does not exist.").withField("Key", key);
    }

    static AwsException invalidBucketName(String bucket) {
        return AwsException.badRequest("InvalidBucketName", "The specified bucket is not valid.")
                .withField("BucketName", bucket);
    }

    static AwsException malformedXml() {
        return AwsException.badRequest("MalformedXML",
                "The XML you provided was not well-formed or did not validate against our published schema");
    }

    static AwsException invalidArgument(String message, String name, String value) {
        return AwsException.badRequest("InvalidArgument", message)
                .withField("ArgumentName", name).withField("ArgumentValue", value == null ? "" : value);
    }

    static AwsException invalidRequest(String message) {
        return AwsException.badRequest("InvalidRequest", message);
    }

    /** The bucket policy, CORS … configuration the request asks for was never set. */
    static AwsException notConfigured(String code, String message, String bucket) {
        return AwsException.notFound(code, message).withField("BucketName", bucket);
    }
}
