package io.selfheal.emulator.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A received HTTP request: fully read, or its head with the body still arriving ({@link #streamed}).
 *
 * @param method  upper-case method
 * @param path    the decoded path without the query string
 * @param query   query parameters (first value of each name)
 * @param headers headers by case-insensitive name (first value)
 * @param body    the body bytes (empty, never null)
 * @param malformed why the request is not well-formed at the HTTP level (see {@link MalformedRequestException}), for
 *                  the front door to refuse in the protocol's own shape; null when it is well-formed
 * @param streamed  the body as it arrives, when the handler chose to read it so ({@link HttpHandler#streamsBody});
 *                  {@code body} is then empty. Null for an aggregated request.
 */
public record HttpRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                          byte[] body, String malformed, StreamedBody streamed) {

    public HttpRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                       byte[] body) {
        this(method, path, query, headers, body, null, null);
    }

    public HttpRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                       byte[] body, String malformed) {
        this(method, path, query, headers, body, malformed, null);
    }

    /** The same head, its body read from {@code body} as it arrives. */
    public HttpRequest streaming(StreamedBody body) {
        return new HttpRequest(method, path, query, headers, new byte[0], malformed, body);
    }

    /** The body to read once, whether it arrives streamed or was aggregated. */
    public InputStream bodyStream() {
        return streamed != null ? streamed : new ByteArrayInputStream(body);
    }

    /** For a malformed URI: the raw path, no query, and {@link #malformed} says why. */
    public static HttpRequest of(String method, String uri, Map<String, List<String>> rawHeaders, byte[] body) {
        Map<String, String> headers = newHeaders();
        rawHeaders.forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name, values.get(0));
            }
        });
        return ofHeaders(method, uri, headers, body);
    }

    /** An empty header map of the kind {@link #headers} is: case-insensitive names. */
    public static Map<String, String> newHeaders() {
        return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }

    /**
     * As {@link #of}, with headers already reduced to the first value of each name in a map from {@link #newHeaders()},
     * which the request keeps (the server builds it once instead of copying it twice).
     */
    public static HttpRequest ofHeaders(String method, String uri, Map<String, String> headers, byte[] body) {
        int q = uri.indexOf('?');
        String rawPath = q < 0 ? uri : uri.substring(0, q);
        byte[] bytes = body == null ? new byte[0] : body;
        try {
            Map<String, String> query = q < 0 ? Map.of() : parseForm(uri.substring(q + 1));
            return new HttpRequest(method, decode(rawPath), query, headers, bytes, null);
        } catch (MalformedRequestException e) {
            return new HttpRequest(method, rawPath, Map.of(), headers, bytes, e.getMessage());
        }
    }

    /** The same request, refused at the HTTP level for {@code reason}. */
    public HttpRequest malformed(String reason) {
        return new HttpRequest(method, path, query, headers, body, reason, streamed);
    }

    public String header(String name) {
        return headers.get(name);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String contentType() {
        String ct = header("Content-Type");
        return ct == null ? "" : ct.toLowerCase();
    }

    /**
     * Parses {@code application/x-www-form-urlencoded} text, keeping order.
     *
     * @throws MalformedRequestException for a bad {@code %}-escape
     */
    public static Map<String, String> parseForm(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return params;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodeForm(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeForm(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
        return params;
    }

    private static String decodeForm(String s) {
        return percentDecode(s, s);
    }

    /** Path decoding: '+' stays '+' (unlike form decoding). */
    private static String decode(String path) {
        return percentDecode(path.replace("+", "%2B"), path);
    }

    private static String percentDecode(String s, String shown) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw new MalformedRequestException("The request contains a malformed percent-encoding: "
                    + abbreviate(shown) + ".");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
