package io.selfheal.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 keep-alive connection that sends a prepared request and reads the response: a client so lean that a
 * benchmark through it measures the emulator, not the client (the AWS SDK spends ~250 µs of CPU per call). A server
 * that answers {@code Connection: close} (Werkzeug's development server, which moto uses, does for every request)
 * gets a new connection for the next request, as any HTTP client would open one.
 */
final class KeepAliveConnection implements AutoCloseable {
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private byte[] lastBody = new byte[0];

    KeepAliveConnection(int port) throws IOException {
        this.port = port;
        open();
    }

    private void open() throws IOException {
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
        if (socket == null) {
            open();
        }
        out.write(request);
        out.flush();
        int status = -1;
        int contentLength = 0;
        boolean closing = false;
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
            } else if (header.regionMatches(true, 0, "connection:", 0, 11)) {
                closing = header.substring(11).trim().equalsIgnoreCase("close");
            }
            line.setLength(0);
        }
        lastBody = in.readNBytes(contentLength);
        if (closing) {
            socket.close();
            socket = null;
        }
        return status;
    }

    /** Sends the request and returns the response body, whatever the status. */
    String exchangeForBody(byte[] request) throws IOException {
        exchange(request);
        return lastBody();
    }

    /** The body of the last response, as text. */
    String lastBody() {
        return new String(lastBody, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
    }
}
