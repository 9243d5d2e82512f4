package com.zephycloud.ledger.infra.http;

import org.springframework.http.HttpStatus;

import java.util.List;

/** A refusal with the HTTP status and the messages to show in the envelope. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<String> messages;

    public ApiException(HttpStatus status, List<String> messages) {
        super(String.join("; ", messages));
        this.status = status;
        this.messages = List.copyOf(messages);
    }

    public ApiException(HttpStatus status, String message) {
        this(status, List.of(message));
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, message);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message);
    }

    public HttpStatus status() {
        return status;
    }

    public List<String> messages() {
        return messages;
    }
}
