package com.zephycloud.ledger.infra.benchmark;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * A load generator's HTTP/1.1 client: one persistent connection, one request at a time, form
 * bodies, no thread hand-offs. The benchmark runs client and server in one process on the same
 * cores, so a heavier client (the JDK's asynchronous HttpClient costs about a third of a request's
 * server time) would be counted against the server.
 */
final class KeepAliveHttpClient implements AutoCloseable {

    private final int port;
    private final String authorization;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    KeepAliveHttpClient(int port, String user, String password) {
        this.port = port;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private void connect() throws IOException {
        socket = new Socket("localhost", port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream());
    }

    /** POSTs a form-encoded {@code body}; answers the response body, or fails on a status other than 200. */
    String postForm(String path, String body) throws IOException {
        if (socket == null) {
            connect();
        }
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + content.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(content);
        out.flush();
        String status = line();
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closing = true; // the server ends a connection after so many requests
            }
        }
        String response = chunked ? chunkedBody() : new String(in.readNBytes((int) Math.max(0, length)),
                StandardCharsets.UTF_8);
        if (closing) {
            close();
        }
        if (!status.startsWith("HTTP/1.1 200")) {
            throw new IOException(status + ": " + response);
        }
        return response;
    }

    private String chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
            body.write(in.readNBytes(size));
            line();
        }
        line();
        return body.toString(StandardCharsets.UTF_8);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed by the server");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
