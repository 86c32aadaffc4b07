package io.selfheal.emulator.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a {@link RawRequest}'s bytes over a fresh socket and reads one answer, so that malformed bytes really reach
 * the server's HTTP decoder (an HTTP client library would refuse to send them).
 */
public final class RawExchange {
    private static final int MAX_ANSWER = 64 * 1024 * 1024;
    private final String host;
    private final int port;
    private final int timeoutMillis;

    public RawExchange(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /** Thrown when the server closed the connection or stayed silent without a complete answer. */
    public static final class Unanswered extends Exception {
        private static final long serialVersionUID = 1L;

        Unanswered(String why) {
            super(why);
        }
    }

    public RawResponse send(RawRequest request) throws Unanswered {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            socket.getOutputStream().write(request.bytes());
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            throw new Unanswered("no complete answer within " + timeoutMillis + " ms");
        } catch (IOException e) {
            throw new Unanswered("connection failed: " + e.getMessage());
        }
    }

    private static RawResponse read(InputStream in) throws IOException, Unanswered {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[16 * 1024];
        int headEnd = -1;
        long contentLength = -1;
        int n;
        while ((n = in.read(chunk)) > 0) {
            buffer.write(chunk, 0, n);
            byte[] seen = buffer.toByteArray();
            if (headEnd < 0) {
                headEnd = indexOf(seen, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                if (headEnd >= 0) {
                    contentLength = contentLength(new String(seen, 0, headEnd, StandardCharsets.ISO_8859_1));
                }
            }
            if (headEnd >= 0 && contentLength >= 0 && seen.length - headEnd - 4 >= contentLength) {
                break;
            }
            if (seen.length > MAX_ANSWER) {
                throw new Unanswered("answer larger than " + MAX_ANSWER + " bytes");
            }
        }
        byte[] all = buffer.toByteArray();
        if (headEnd < 0) {
            throw new Unanswered(all.length == 0 ? "closed without an answer" : "closed inside the answer's head");
        }
        String head = new String(all, 0, headEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new Unanswered("not an HTTP answer: " + lines[0]);
        }
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        int bodyStart = headEnd + 4;
        int bodyLength = contentLength >= 0 ? (int) contentLength : all.length - bodyStart;
        if (all.length - bodyStart < bodyLength) {
            throw new Unanswered("closed inside the answer's body");
        }
        byte[] body = new byte[bodyLength];
        System.arraycopy(all, bodyStart, body, 0, bodyLength);
        return new RawResponse(Integer.parseInt(statusLine[1]), headers, body);
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring("content-length:".length()).trim());
            }
        }
        return -1;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
