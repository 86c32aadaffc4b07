package io.selfheal.emulator.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One HTTP/1.1 request as bytes on the wire. {@link #bytes()} adds {@code Host}, a correct {@code Content-Length} and
 * {@code Connection: close} (so every answer ends the exchange); a raw request is sent exactly as given.
 *
 * @param family  the protocol the request announces
 * @param label   what the case is, for the report
 * @param method  the method
 * @param target  the request target, sent as is (it may be malformed on purpose)
 * @param headers header lines in order
 * @param body    the body
 * @param raw     the exact bytes to send instead, or null
 */
public record RawRequest(WireFamily family, String label, String method, String target,
                         List<Map.Entry<String, String>> headers, byte[] body, byte[] raw) {

    public static RawRequest of(WireFamily family, String label, String method, String target,
                                List<Map.Entry<String, String>> headers, byte[] body) {
        return new RawRequest(family, label, method, target, List.copyOf(headers), body, null);
    }

    public static RawRequest raw(String label, byte[] bytes) {
        return new RawRequest(WireFamily.RAW_HTTP, label, "", "", List.of(), new byte[0], bytes);
    }

    public RawRequest withBody(String newLabel, byte[] newBody) {
        return new RawRequest(family, label + " / " + newLabel, method, target, headers, newBody, raw);
    }

    public RawRequest withTarget(String newLabel, String newTarget) {
        return new RawRequest(family, label + " / " + newLabel, method, newTarget, headers, body, raw);
    }

    /** The headers with {@code name} (case-insensitive) set to {@code value}, or added. */
    public RawRequest withHeader(String newLabel, String name, String value) {
        List<Map.Entry<String, String>> copy = new ArrayList<>();
        boolean replaced = false;
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                copy.add(Map.entry(name, value));
                replaced = true;
            } else {
                copy.add(h);
            }
        }
        if (!replaced) {
            copy.add(Map.entry(name, value));
        }
        return new RawRequest(family, label + " / " + newLabel, method, target, List.copyOf(copy), body, raw);
    }

    /** The same bytes, judged as a request the HTTP layer may refuse before any protocol is known. */
    public RawRequest asRawHttp() {
        return new RawRequest(WireFamily.RAW_HTTP, label, method, target, headers, body, raw);
    }

    public String header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    public byte[] bytes() {
        if (raw != null) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\n");
        for (Map.Entry<String, String> h : headers) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        // ISO-8859-1: a header value's chars are its bytes, so odd bytes in a header reach the server as they are.
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /**
     * The bytes as printable text, {@code \xHH} for the others, with runs of one byte longer than 32 shortened to
     * {@code <N × 'c'>} so that a report stays readable (the exact bytes go to a file: see the fuzz test).
     */
    public String printable() {
        byte[] bytes = bytes();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            int run = 1;
            while (i + run < bytes.length && bytes[i + run] == bytes[i]) {
                run++;
            }
            int c = bytes[i] & 0xff;
            String one = c >= 0x20 && c < 0x7f && c != '\\' ? String.valueOf((char) c) : String.format("\\x%02x", c);
            if (run > 32) {
                out.append("<").append(run).append(" x '").append(one).append("'>");
                i += run - 1;
            } else {
                out.append(one);
            }
        }
        return out.toString();
    }
}
