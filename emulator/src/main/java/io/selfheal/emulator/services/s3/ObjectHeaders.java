package io.selfheal.emulator.services.s3;

import io.selfheal.emulator.http.HttpRequest;
import io.selfheal.emulator.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What an object's headers say going in (content type, user metadata, tags) and coming out (GetObject, HeadObject). */
final class ObjectHeaders {
    static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";
    private static final String META = "x-amz-meta-";

    private ObjectHeaders() {
    }

    static String contentType(HttpRequest request) {
        String type = request.header("Content-Type");
        return type == null || type.isBlank() ? DEFAULT_CONTENT_TYPE : type;
    }

    /** {@code x-amz-meta-*} headers, names lower-cased without the prefix, as S3 returns them. */
    static Map<String, String> metadata(HttpRequest request) {
        Map<String, String> out = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(META)) {
                out.put(lower.substring(META.length()), value);
            }
        });
        return out;
    }

    /** The {@code x-amz-tagging} header: a URL-encoded query string of tags. */
    static Map<String, String> tagging(HttpRequest request) {
        String header = request.header("x-amz-tagging");
        if (header == null || header.isEmpty()) {
            return Map.of();
        }
        Map<String, String> tags = new LinkedHashMap<>(HttpRequest.parseForm(header));
        Tags.validate(tags, Tags.OBJECT_LIMIT);
        return tags;
    }

    /** The headers GetObject and HeadObject answer with; the checksum only when asked for and the whole object. */
    static HttpResponse describe(HttpResponse response, StoredObject object, boolean withChecksum) {
        HttpResponse out = response.withHeader("ETag", object.etag())
                .withHeader("Last-Modified", S3Responses.httpDate(object.lastModified()))
                .withHeader("Content-Type", object.contentType())
                .withHeader("Accept-Ranges", "bytes");
        for (Map.Entry<String, String> m : object.metadata().entrySet()) {
            out = out.withHeader(META + m.getKey(), m.getValue());
        }
        if (!object.tags().isEmpty()) {
            out = out.withHeader("x-amz-tagging-count", Integer.toString(object.tags().size()));
        }
        if (withChecksum && object.checksum() != null) {
            out = out.withHeader(object.checksum().headerName(), object.checksum().base64());
        }
        return out;
    }
}
