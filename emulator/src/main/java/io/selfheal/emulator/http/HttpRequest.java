package io.selfheal.emulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A received HTTP request, fully read.
 *
 * @param method  upper-case method
 * @param path    the decoded path without the query string
 * @param query   query parameters (first value of each name)
 * @param headers headers by case-insensitive name (first value)
 * @param body    the body bytes (empty, never null)
 */
public record HttpRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                          byte[] body) {

    public static HttpRequest of(String method, String uri, Map<String, List<String>> rawHeaders, byte[] body) {
        int q = uri.indexOf('?');
        String rawPath = q < 0 ? uri : uri.substring(0, q);
        Map<String, String> query = q < 0 ? Map.of() : parseForm(uri.substring(q + 1));
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        rawHeaders.forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name, values.get(0));
            }
        });
        return new HttpRequest(method, decode(rawPath), query, headers, body == null ? new byte[0] : body);
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

    /** Parses {@code application/x-www-form-urlencoded} text, keeping order. */
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
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** Path decoding: '+' stays '+' (unlike form decoding). */
    private static String decode(String path) {
        return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
