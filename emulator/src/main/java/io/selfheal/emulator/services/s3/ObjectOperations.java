package io.selfheal.emulator.services.s3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.http.FileBody;
import io.selfheal.emulator.http.HttpRequest;
import io.selfheal.emulator.http.HttpResponse;
import io.selfheal.emulator.protocol.XmlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * PutObject, GetObject (with {@code Range}), HeadObject, DeleteObject, DeleteObjects and CopyObject
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html and its siblings). Buckets are unversioned:
 * a put replaces the object, a delete of a missing key still answers 204.
 */
final class ObjectOperations {
    private static final int MAX_DELETE_KEYS = 1000;

    private final Buckets buckets;
    private final ObjectFiles files;

    ObjectOperations(Buckets buckets, ObjectFiles files) {
        this.buckets = buckets;
        this.files = files;
    }

    HttpResponse putObject(RequestContext ctx, HttpRequest request, ObjectNode input) {
        Bucket bucket = buckets.owned(ctx, input.path("bucketName").asText(null));
        String key = input.path("key").asText();
        Map<String, String> tags = ObjectHeaders.tagging(request);
        ObjectUpload.Received received = ObjectUpload.receive(request, files);
        StoredObject stored = new StoredObject(key, received.size(), received.etag(), ctx.receivedAt(),
                ObjectHeaders.contentType(request), ObjectHeaders.metadata(request), received.checksum(), tags,
                received.file());
        replace(bucket, stored);
        HttpResponse response = S3Responses.empty(200).withHeader("ETag", stored.etag())
                .withHeader("x-amz-server-side-encryption", "AES256");
        return stored.checksum() == null ? response
                : response.withHeader(stored.checksum().headerName(), stored.checksum().base64());
    }

    /** Puts the object in place and drops the file of the one it replaces. */
    static void replace(Bucket bucket, StoredObject stored) {
        StoredObject previous = bucket.objects().put(stored.key(), stored);
        if (previous != null) {
            ObjectFiles.delete(previous.file());
        }
    }

    /** The body is sent from the object's file, opened now: a put or delete that follows does not change it. */
    HttpResponse getObject(RequestContext ctx, HttpRequest request, ObjectNode input) {
        StoredObject object = existing(ctx, input);
        ByteRange range = ByteRange.of(request.header("Range"), object.size());
        boolean checksum = range == null && "ENABLED".equalsIgnoreCase(request.header("x-amz-checksum-mode"));
        if (range == null) {
            return ObjectHeaders.describe(HttpResponse.ofFile(200, FileBody.open(object.file(), 0, object.size())),
                    object, checksum);
        }
        return ObjectHeaders.describe(HttpResponse.ofFile(206,
                        FileBody.open(object.file(), range.first(), range.length())), object, false)
                .withHeader("Content-Range", range.contentRange(object.size()));
    }

    /** GetObject's headers without the body; the length is the object's. */
    HttpResponse headObject(RequestContext ctx, HttpRequest request, ObjectNode input) {
        StoredObject object = existing(ctx, input);
        boolean checksum = "ENABLED".equalsIgnoreCase(request.header("x-amz-checksum-mode"));
        return ObjectHeaders.describe(S3Responses.empty(200), object, checksum)
                .withHeader("Content-Length", Long.toString(object.size()));
    }

    HttpResponse deleteObject(RequestContext ctx, HttpRequest request, ObjectNode input) {
        Bucket bucket = buckets.owned(ctx, input.path("bucketName").asText(null));
        StoredObject removed = bucket.objects().remove(input.path("key").asText());
        if (removed != null) {
            ObjectFiles.delete(removed.file());
        }
        return S3Responses.empty(204);
    }

    /** {@code <Delete><Quiet/><Object><Key/></Object>…</Delete>}: every key is reported deleted, missing or not. */
    HttpResponse deleteObjects(RequestContext ctx, HttpRequest request, ObjectNode input) {
        Bucket bucket = buckets.owned(ctx, input.path("bucketName").asText(null));
        XmlBody xml = XmlBody.parse(request.body(), "Delete");
        List<Element> objects = XmlBody.children(xml.root(), "Object");
        if (objects.isEmpty() || objects.size() > MAX_DELETE_KEYS) {
            throw S3Errors.malformedXml();
        }
        boolean quiet = "true".equalsIgnoreCase(String.valueOf(XmlBody.text(xml.root(), "Quiet")).trim());
        List<String> keys = new ArrayList<>();
        for (Element object : objects) {
            String key = XmlBody.text(object, "Key");
            if (key == null) {
                throw S3Errors.malformedXml();
            }
            keys.add(key);
        }
        XmlWriter out = S3Responses.document("DeleteResult");
        for (String key : keys) {
            StoredObject removed = bucket.objects().remove(key);
            if (removed != null) {
                ObjectFiles.delete(removed.file());
            }
            if (!quiet) {
                out.open("Deleted").text("Key", key).close("Deleted");
            }
        }
        return S3Responses.xml(out.close("DeleteResult"));
    }

    /**
     * Copies {@code x-amz-copy-source} ({@code bucket/key}, URL-encoded, maybe with a leading slash). Metadata and
     * tags are copied unless {@code x-amz-metadata-directive}/{@code x-amz-tagging-directive} say REPLACE; a copy
     * onto itself must change something.
     */
    HttpResponse copyObject(RequestContext ctx, HttpRequest request, ObjectNode input) {
        Bucket target = buckets.owned(ctx, input.path("bucketName").asText(null));
        String key = input.path("key").asText();
        String source = java.net.URLDecoder.decode(request.header("x-amz-copy-source").replace("+", "%2B"),
                java.nio.charset.StandardCharsets.UTF_8);
        int query = source.indexOf('?');
        source = (query < 0 ? source : source.substring(0, query));
        source = source.startsWith("/") ? source.substring(1) : source;
        int slash = source.indexOf('/');
        if (slash <= 0 || slash == source.length() - 1) {
            throw S3Errors.invalidArgument("Invalid copy source object key", "x-amz-copy-source",
                    request.header("x-amz-copy-source"));
        }
        Bucket from = buckets.ownersOnly(ctx, source.substring(0, slash));
        String sourceKey = source.substring(slash + 1);
        StoredObject original = from.objects().get(sourceKey);
        if (original == null) {
            throw S3Errors.noSuchKey(sourceKey);
        }
        boolean replaceMetadata = "REPLACE".equalsIgnoreCase(request.header("x-amz-metadata-directive"));
        boolean replaceTags = "REPLACE".equalsIgnoreCase(request.header("x-amz-tagging-directive"));
        if (from == target && sourceKey.equals(key) && !replaceMetadata) {
            throw S3Errors.invalidRequest("This copy request is illegal because it is trying to copy an object to "
                    + "itself without changing the object's metadata, storage class, website redirect location or "
                    + "encryption attributes.");
        }
        StoredObject copy = new StoredObject(key, original.size(), original.etag(), ctx.receivedAt(),
                replaceMetadata ? ObjectHeaders.contentType(request) : original.contentType(),
                replaceMetadata ? ObjectHeaders.metadata(request) : original.metadata(), original.checksum(),
                replaceTags ? ObjectHeaders.tagging(request) : original.tags(), files.copyOf(original.file()));
        replace(target, copy);
        XmlWriter xml = S3Responses.document("CopyObjectResult")
                .text("LastModified", S3Responses.iso(copy.lastModified())).text("ETag", copy.etag());
        if (copy.checksum() != null) {
            xml.text("Checksum" + copy.checksum().algorithm(), copy.checksum().base64());
        }
        return S3Responses.xml(xml.close("CopyObjectResult"));
    }

    private StoredObject existing(RequestContext ctx, ObjectNode input) {
        Bucket bucket = buckets.owned(ctx, input.path("bucketName").asText(null));
        String key = input.path("key").asText();
        StoredObject object = bucket.objects().get(key);
        if (object == null) {
            throw S3Errors.noSuchKey(key);
        }
        return object;
    }

    /** The object a tagging call names, or {@code NoSuchKey}. */
    StoredObject object(RequestContext ctx, ObjectNode input) {
        return existing(ctx, input);
    }

    Bucket bucket(RequestContext ctx, ObjectNode input) {
        return buckets.owned(ctx, input.path("bucketName").asText(null));
    }
}
