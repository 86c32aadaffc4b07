package io.selfheal.emulator.services.s3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.http.HttpRequest;
import io.selfheal.emulator.service.RequestRouter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the bucket, key and operation of an S3 request
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html). Virtual-hosted: the bucket is the
 * host's leading labels before {@code .localhost}, {@code .s3.localhost}, {@code .<ip>.nip.io}/{@code sslip.io} or
 * {@code .s3[.-]<region>.amazonaws.com}; path-style otherwise (an IP or plain {@code localhost} endpoint): the first
 * path segment. The operation follows from the method, whether a key is named, and the sub-resource in the query.
 * The input carries {@code bucketName}, {@code key} and {@code Host} as CloudTrail's S3 records name them.
 */
final class S3Router implements RequestRouter {
    private static final Pattern NIP = Pattern.compile("(.+?)(?:\\.s3)?\\.\\d{1,3}(?:\\.\\d{1,3}){3}\\.(?:nip|sslip)\\.io");
    private static final Pattern AMAZON = Pattern.compile("(.+?)\\.s3(?:[.-][a-z0-9-]+)*\\.amazonaws\\.com");
    /** Sub-resources we do not emulate, with the suffix of their operations' names (PUT ?acl → PutBucketAcl). */
    private static final Map<String, String> OTHER_SUBRESOURCES = Map.ofEntries(
            Map.entry("acl", "Acl"), Map.entry("cors", "Cors"), Map.entry("lifecycle", "LifecycleConfiguration"),
            Map.entry("versioning", "Versioning"), Map.entry("website", "Website"),
            Map.entry("notification", "NotificationConfiguration"), Map.entry("encryption", "Encryption"),
            Map.entry("logging", "Logging"), Map.entry("replication", "Replication"),
            Map.entry("ownershipControls", "OwnershipControls"), Map.entry("publicAccessBlock", "PublicAccessBlock"),
            Map.entry("object-lock", "ObjectLockConfiguration"), Map.entry("policyStatus", "PolicyStatus"),
            Map.entry("accelerate", "AccelerateConfiguration"), Map.entry("requestPayment", "RequestPayment"),
            Map.entry("versions", "ObjectVersions"), Map.entry("attributes", "Attributes"),
            Map.entry("retention", "Retention"), Map.entry("legal-hold", "LegalHold"),
            Map.entry("restore", "Restore"), Map.entry("select", "SelectObjectContent"));

    @Override
    public Routed route(HttpRequest request) {
        String hostBucket = bucketFromHost(request.header("Host"));
        String path = request.path();
        String bucket;
        String key;
        if (hostBucket != null) {
            bucket = hostBucket;
            key = path.startsWith("/") ? path.substring(1) : path;
        } else {
            String rest = path.startsWith("/") ? path.substring(1) : path;
            int slash = rest.indexOf('/');
            bucket = slash < 0 ? rest : rest.substring(0, slash);
            key = slash < 0 ? "" : rest.substring(slash + 1);
        }
        ObjectNode input = Json.object();
        if (!bucket.isEmpty()) {
            input.put("bucketName", bucket);
        }
        if (!key.isEmpty()) {
            input.put("key", key);
        }
        String host = request.header("Host");
        if (host != null) {
            input.put("Host", host);
        }
        request.query().forEach((name, value) -> {
            if (!name.startsWith("X-Amz-")) {
                input.put(name, value);
            }
        });
        return new Routed(operation(request, bucket, key), input);
    }

    private static String operation(HttpRequest request, String bucket, String key) {
        String method = request.method();
        Map<String, String> q = request.query();
        if (bucket.isEmpty()) {
            if (method.equals("GET")) {
                return "ListBuckets";
            }
            throw new AwsException("MethodNotAllowed", "The specified method is not allowed against this resource.",
                    405);
        }
        String other = otherSubresource(q);
        if (key.isEmpty()) {
            return switch (method) {
                case "PUT" -> q.containsKey("policy") ? "PutBucketPolicy" : q.containsKey("tagging") ? "PutBucketTagging"
                        : other != null ? "PutBucket" + other : "CreateBucket";
                case "GET" -> q.containsKey("policy") ? "GetBucketPolicy" : q.containsKey("location")
                        ? "GetBucketLocation" : q.containsKey("tagging") ? "GetBucketTagging"
                        : q.containsKey("uploads") ? "ListMultipartUploads"
                        : other != null ? (other.equals("ObjectVersions") ? "ListObjectVersions" : "GetBucket" + other)
                        : "2".equals(q.get("list-type")) ? "ListObjectsV2" : "ListObjects";
                case "DELETE" -> q.containsKey("policy") ? "DeleteBucketPolicy" : q.containsKey("tagging")
                        ? "DeleteBucketTagging" : other != null ? "DeleteBucket" + other : "DeleteBucket";
                case "HEAD" -> "HeadBucket";
                case "POST" -> q.containsKey("delete") ? "DeleteObjects" : "PostObject";
                default -> throw notAllowed();
            };
        }
        return switch (method) {
            case "PUT" -> q.containsKey("tagging") ? "PutObjectTagging"
                    : q.containsKey("uploadId") ? (request.header("x-amz-copy-source") != null ? "UploadPartCopy"
                    : "UploadPart")
                    : other != null ? "PutObject" + other
                    : request.header("x-amz-copy-source") != null ? "CopyObject" : "PutObject";
            case "GET" -> q.containsKey("tagging") ? "GetObjectTagging" : q.containsKey("uploadId") ? "ListParts"
                    : other != null ? "GetObject" + other : "GetObject";
            case "HEAD" -> "HeadObject";
            case "DELETE" -> q.containsKey("tagging") ? "DeleteObjectTagging"
                    : q.containsKey("uploadId") ? "AbortMultipartUpload" : "DeleteObject";
            case "POST" -> q.containsKey("uploads") ? "CreateMultipartUpload"
                    : q.containsKey("uploadId") ? "CompleteMultipartUpload"
                    : other != null ? other : "PostObject";
            default -> throw notAllowed();
        };
    }

    private static String otherSubresource(Map<String, String> query) {
        for (String name : query.keySet()) {
            String suffix = OTHER_SUBRESOURCES.get(name);
            if (suffix != null) {
                return suffix;
            }
        }
        return null;
    }

    private static AwsException notAllowed() {
        return new AwsException("MethodNotAllowed", "The specified method is not allowed against this resource.", 405);
    }

    /** The bucket a virtual-hosted request names in its host, or null for path-style. */
    static String bucketFromHost(String hostHeader) {
        if (hostHeader == null || hostHeader.isEmpty() || hostHeader.startsWith("[")) {
            return null;
        }
        int colon = hostHeader.lastIndexOf(':');
        String host = (colon < 0 ? hostHeader : hostHeader.substring(0, colon)).toLowerCase(Locale.ROOT);
        if (host.endsWith(".localhost")) {
            String prefix = host.substring(0, host.length() - ".localhost".length());
            if (prefix.endsWith(".s3")) {
                prefix = prefix.substring(0, prefix.length() - 3);
            }
            return prefix.isEmpty() || prefix.equals("s3") ? null : prefix;
        }
        Matcher nip = NIP.matcher(host);
        if (nip.matches()) {
            return nip.group(1).equals("s3") ? null : nip.group(1);
        }
        Matcher amazon = AMAZON.matcher(host);
        return amazon.matches() ? amazon.group(1) : null;
    }
}
