package com.zephycloud.ledger.infra.http;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * A response that adds its {@code Server-Timing} header just before the first byte of the body
 * goes out: headers cannot change once the response is committed, and a streamed answer (events
 * stream) would otherwise never carry it. The time measured therefore ends when the body starts;
 * for the usual JSON answer, which Jackson buffers, that is after it has been serialized.
 */
final class ServerTimingResponse extends HttpServletResponseWrapper {

    static final String HEADER = "Server-Timing";

    private final long startNanos;
    private volatile boolean stamped;
    private ServletOutputStream stream;
    private PrintWriter writer;

    ServerTimingResponse(HttpServletResponse response, long startNanos) {
        super(response);
        this.startNanos = startNanos;
    }

    void stamp() {
        if (stamped) {
            return;
        }
        stamped = true;
        if (!isCommitted()) {
            setHeader(HEADER, "app;dur=" + Milliseconds.ofMicros((System.nanoTime() - startNanos + 500) / 1000));
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new StampingStream(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new StampingWriter(super.getWriter());
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        stamp();
        super.flushBuffer();
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        stamp();
        super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
        stamp();
        super.sendError(status);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        stamp();
        super.sendRedirect(location);
    }

    private final class StampingStream extends ServletOutputStream {

        private final ServletOutputStream delegate;

        StampingStream(ServletOutputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(int b) throws IOException {
            stamp();
            delegate.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            stamp();
            delegate.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            stamp();
            delegate.flush();
        }

        @Override
        public void close() throws IOException {
            stamp();
            delegate.close();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            delegate.setWriteListener(listener);
        }
    }

    private final class StampingWriter extends PrintWriter {

        StampingWriter(PrintWriter delegate) {
            super(delegate);
        }

        @Override
        public void write(int c) {
            stamp();
            super.write(c);
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            stamp();
            super.write(chars, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) {
            stamp();
            super.write(text, offset, length);
        }

        @Override
        public void flush() {
            stamp();
            super.flush();
        }

        @Override
        public void close() {
            stamp();
            super.close();
        }
    }
}
