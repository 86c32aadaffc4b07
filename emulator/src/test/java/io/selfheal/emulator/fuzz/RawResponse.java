package io.selfheal.emulator.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An answer as read off the socket.
 *
 * @param status  the status code
 * @param headers headers by lower-case name (first value)
 * @param body    the body bytes
 */
public record RawResponse(int status, Map<String, String> headers, byte[] body) {

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** Byte for byte (ISO-8859-1), so that a search for names sees every byte, whatever the encoding. */
    public String bodyLatin1() {
        return new String(body, StandardCharsets.ISO_8859_1);
    }

    public String contentType() {
        String ct = header("content-type");
        return ct == null ? "" : ct.toLowerCase(java.util.Locale.ROOT);
    }
}
