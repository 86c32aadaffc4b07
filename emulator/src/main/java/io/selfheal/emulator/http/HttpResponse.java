package io.selfheal.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response to send.
 *
 * @param status  HTTP status
 * @param headers headers to set (Content-Length is added by the server)
 * @param body    body bytes (empty when {@code file} is sent)
 * @param file    a file region to send as the body straight from disk (S3 GetObject), or null
 */
public record HttpResponse(int status, Map<String, String> headers, byte[] body, FileBody file) {

    public HttpResponse(int status, Map<String, String> headers, byte[] body) {
        this(status, headers, body, null);
    }

    /** A response whose body is {@code file}'s region, never loaded into memory. */
    public static HttpResponse ofFile(int status, FileBody file) {
        return new HttpResponse(status, new LinkedHashMap<>(), new byte[0], file);
    }

    public static HttpResponse of(int status, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new HttpResponse(status, headers, body);
    }

    public static HttpResponse of(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse empty(int status) {
        return new HttpResponse(status, new LinkedHashMap<>(), new byte[0]);
    }

    public HttpResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpResponse(status, copy, body, file);
    }
}
