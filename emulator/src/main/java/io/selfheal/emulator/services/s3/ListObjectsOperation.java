package io.selfheal.emulator.services.s3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.http.HttpRequest;
import io.selfheal.emulator.http.HttpResponse;
import io.selfheal.emulator.protocol.XmlWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * ListObjectsV2 and ListObjects (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html): keys in
 * UTF-8 order after {@code start-after}/{@code continuation-token}/{@code marker}, under {@code prefix}, rolled up into
 * {@code CommonPrefixes} at the first {@code delimiter} after the prefix; {@code max-keys} (default and most 1,000)
 * counts keys and prefixes alike. {@code encoding-type=url} URL-encodes the keys and prefixes, as botocore asks.
 */
final class ListObjectsOperation {
    private static final int MAX_KEYS = 1000;

    private final Buckets buckets;

    ListObjectsOperation(Buckets buckets) {
        this.buckets = buckets;
    }

    private record Page(List<StoredObject> contents, List<String> prefixes, boolean truncated, String last) {
    }

    HttpResponse listObjectsV2(RequestContext ctx, HttpRequest request, ObjectNode input) {
        Bucket bucket = buckets.owned(ctx, input.path("bucketName").asText(null));
        Map<String, String> q = request.query();
        String token = q.get("continuation-token");
        String after = token != null ? decodeToken(token) : q.get("start-after");
        int maxKeys = maxKeys(q.get("max-keys"));
        boolean url = encoding(q.get("encoding-type"));
        String prefix = q.getOrDefault("prefix", "");
        String delimiter = q.get("delimiter");
        Page page = page(bucket, prefix, delimiter, after, maxKeys);
        XmlWriter xml = S3Responses.document("ListBucketResult")
                .text("Name", bucket.name()).text("Prefix", encode(prefix, url));
        if (delimiter != null) {
            xml.text("Delimiter", encode(delimiter, url));
        }
        xml.text("MaxKeys", Integer.toString(maxKeys));
        if (url) {
            xml.text("EncodingType", "url");
        }
        xml.text("KeyCount", Integer.toString(page.contents().size() + page.prefixes().size()))
                .text("IsTruncated", Boolean.toString(page.truncated()));
        if (token != null) {
            xml.text("ContinuationToken", token);
        }
        if (page.truncated()) {
            xml.text("NextContinuationToken", encodeToken(page.last()));
        }
        if (q.containsKey("start-after")) {
            xml.text("StartAfter", encode(q.get("start-after"), url));
        }
        boolean owner = "true".equals(q.get("fetch-owner"));
        contents(xml, page, url, owner ? BucketOperations.ownerId(bucket.ownerAccount()) : null);
        return S3Responses.xml(xml.close("ListBucketResult"));
    }

    /** The original listing: {@code marker} and {@code NextMarker} (when a delimiter is given) instead of tokens. */
    HttpResponse listObjects(RequestContext ctx, HttpRequest request, ObjectNode input) {
        Bucket bucket = buckets.owned(ctx, input.path("bucketName").asText(null));
        Map<String, String> q = request.query();
        int maxKeys = maxKeys(q.get("max-keys"));
        boolean url = encoding(q.get("encoding-type"));
        String prefix = q.getOrDefault("prefix", "");
        String delimiter = q.get("delimiter");
        String marker = q.getOrDefault("marker", "");
        Page page = page(bucket, prefix, delimiter, marker.isEmpty() ? null : marker, maxKeys);
        XmlWriter xml = S3Responses.document("ListBucketResult")
                .text("Name", bucket.name()).text("Prefix", encode(prefix, url)).text("Marker", encode(marker, url));
        if (page.truncated() && delimiter != null) {
            xml.text("NextMarker", encode(page.last(), url));
        }
        xml.text("MaxKeys", Integer.toString(maxKeys));
        if (delimiter != null) {
            xml.text("Delimiter", encode(delimiter, url));
        }
        if (url) {
            xml.text("EncodingType", "url");
        }
        xml.text("IsTruncated", Boolean.toString(page.truncated()));
        contents(xml, page, url, BucketOperations.ownerId(bucket.ownerAccount()));
        return S3Responses.xml(xml.close("ListBucketResult"));
    }

    private static void contents(XmlWriter xml, Page page, boolean url, String ownerId) {
        for (StoredObject o : page.contents()) {
            xml.open("Contents").text("Key", encode(o.key(), url))
                    .text("LastModified", S3Responses.iso(o.lastModified())).text("ETag", o.etag());
            if (o.checksum() != null) {
                xml.text("ChecksumAlgorithm", o.checksum().algorithm());
            }
            xml.text("Size", Long.toString(o.size()));
            if (ownerId != null) {
                xml.open("Owner").text("ID", ownerId).close("Owner");
            }
            xml.text("StorageClass", "STANDARD").close("Contents");
        }
        for (String p : page.prefixes()) {
            xml.open("CommonPrefixes").text("Prefix", encode(p, url)).close("CommonPrefixes");
        }
    }

    private static Page page(Bucket bucket, String prefix, String delimiter, String after, int maxKeys) {
        List<StoredObject> contents = new ArrayList<>();
        TreeSet<String> prefixes = new TreeSet<>(Bucket::utf8Order);
        String last = null;
        var candidates = after == null || Bucket.utf8Order(after, prefix) < 0
                ? bucket.objects().tailMap(prefix, true) : bucket.objects().tailMap(after, false);
        for (StoredObject o : candidates.values()) {
            String key = o.key();
            if (!key.startsWith(prefix)) {
                break;
            }
            String rolled = null;
            if (delimiter != null && !delimiter.isEmpty()) {
                int at = key.indexOf(delimiter, prefix.length());
                if (at >= 0) {
                    rolled = key.substring(0, at + delimiter.length());
                }
            }
            if (rolled != null && (prefixes.contains(rolled) || after != null && Bucket.utf8Order(rolled, after) <= 0)) {
                continue; // already reported, on this page or an earlier one
            }
            if (contents.size() + prefixes.size() == maxKeys) {
                return new Page(contents, List.copyOf(prefixes), true, last);
            }
            if (rolled != null) {
                prefixes.add(rolled);
                last = rolled;
            } else {
                contents.add(o);
                last = key;
            }
        }
        return new Page(contents, List.copyOf(prefixes), false, last);
    }

    private static int maxKeys(String value) {
        if (value == null) {
            return MAX_KEYS;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Math.min(n, MAX_KEYS);
        } catch (NumberFormatException e) {
            throw S3Errors.invalidArgument("Provided max-keys not an integer or within integer range", "max-keys",
                    value);
        }
    }

    private static boolean encoding(String value) {
        if (value == null) {
            return false;
        }
        if (!value.equals("url")) {
            throw S3Errors.invalidArgument("Invalid Encoding Method specified in Request", "encoding-type", value);
        }
        return true;
    }

    private static String encode(String text, boolean url) {
        return url ? URLEncoder.encode(text, StandardCharsets.UTF_8) : text;
    }

    private static String encodeToken(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw S3Errors.invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
        }
    }
}
