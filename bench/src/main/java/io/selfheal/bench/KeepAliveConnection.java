package io.selfheal.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 keep-alive connection that sends a prepared request and reads the response: a client so lean that a
 * benchmark through it measures the emulator, not the client (the AWS SDK spends ~250 µs of CPU per call).
 */
final class KeepAliveConnection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    KeepAliveConnection(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    static byte[] awsJsonRequest(String target, String signingName, String body) {
        return awsJsonRequest(target, signingName, body, "1.1");
    }

    /** @param jsonVersion the AWS JSON protocol version: 1.0 (SQS, CloudWatch) or 1.1 (EventBridge) */
    static byte[] awsJsonRequest(String target, String signingName, String body, String jsonVersion) {
        return ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-" + jsonVersion + "\r\n"
                + "X-Amz-Target: " + target + "\r\n"
                + "Authorization: AWS4-HMAC-SHA256 Credential=bench/20250101/us-east-1/" + signingName
                + "/aws4_request, SignedHeaders=host, Signature=0\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Sends the request and returns the response status. */
    int exchange(byte[] request) throws IOException {
        return exchange(request, false).status;
    }

    /** Sends the request and returns the response body, whatever the status. */
    String exchangeForBody(byte[] request) throws IOException {
        return new String(exchange(request, true).body, StandardCharsets.UTF_8);
    }

    private record Response(int status, byte[] body) {
    }

    private Response exchange(byte[] request, boolean keepBody) throws IOException {
        out.write(request);
        out.flush();
        int status = -1;
        int contentLength = 0;
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c == '\r') {
                continue;
            }
            if (c != '\n') {
                line.append((char) c);
                continue;
            }
            if (line.length() == 0) {
                break;
            }
            String header = line.toString();
            if (status < 0) {
                status = Integer.parseInt(header.substring(9, 12));
            } else if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                contentLength = Integer.parseInt(header.substring(15).trim());
            }
            line.setLength(0);
        }
        byte[] body = in.readNBytes(contentLength);
        return new Response(status, keepBody ? body : null);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
