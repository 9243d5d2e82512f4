package com.zephycloud.ledger.infra.benchmark;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

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

    /** One answer: its body and its headers, by lower-case name. */
    record Response(String body, Map<String, String> headers) {
    }

    /** POSTs a form-encoded {@code body}; answers the response, or fails on a status other than 200. */
    Response postForm(String path, String body) throws IOException {
        if (socket == null) {
            connect();
        }
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + content.length + "\r\n\r\n";
        // head and body in one write, hence one segment, as clients send small requests: written
        // apart, the server could start on the head and then wait for the body.
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(headBytes, headBytes.length + content.length);
        System.arraycopy(content, 0, request, headBytes.length, content.length);
        out.write(request);
        out.flush();
        String status = line();
        Map<String, String> headers = new HashMap<>();
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        String length = headers.get("content-length");
        String response = headers.getOrDefault("transfer-encoding", "").contains("chunked") ? chunkedBody()
                : new String(in.readNBytes(length == null ? 0 : Integer.parseInt(length)), StandardCharsets.UTF_8);
        if (headers.getOrDefault("connection", "").contains("close")) {
            close(); // the server ends a connection after so many requests
        }
        if (!status.startsWith("HTTP/1.1 200")) {
            throw new IOException(status + ": " + response);
        }
        return new Response(response, headers);
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
