package com.zephycloud.ledger.infra.http;

import com.zephycloud.ledger.infra.jdbc.DatabaseUnavailable;
import com.zephycloud.ledger.infra.messaging.ConcurrentChanges;
import com.zephycloud.ledger.infra.messaging.ShuttingDown;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;

/**
 * The one place where failures become envelopes: the domain's IllegalArgumentException (bad
 * argument) is a 400, IllegalStateException (a rule refuses it now) a 409, an unknown aggregate a
 * 404, a command refused by a stopping server, or a database that cannot be reached, a 503. Anything
 * else is a bug: a 500 with a generic message, the details only in the log.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    static final String INTERNAL_ERROR = "internal error; the server log has the details";

    static String unknownEndpoint(String path) {
        return "unknown endpoint " + path + "; see the admin API reference for the available paths";
    }

    /** The message of an error that comes with nothing but its status. */
    static String statusOnly(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return "HTTP " + status + (known == null ? "" : " " + known.getReasonPhrase());
    }

    @ExceptionHandler(NoHandlerFoundException.class)
    ResponseEntity<ApiResponse> unknownEndpoint(NoHandlerFoundException e) {
        return respond(HttpStatus.NOT_FOUND, unknownEndpoint(e.getRequestURL()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiResponse> unknownResource(NoResourceFoundException e) {
        return respond(HttpStatus.NOT_FOUND, unknownEndpoint("/" + e.getResourcePath()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiResponse> wrongMethod(HttpRequestMethodNotSupportedException e) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "method " + e.getMethod() + " is not allowed here, use "
                + String.join(" or ", e.getSupportedMethods() == null ? new String[0] : e.getSupportedMethods()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiResponse> wrongMediaType(HttpMediaTypeNotSupportedException e) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "content type " + e.getContentType()
                + " is not supported; send JSON, a form, or query parameters");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiResponse> unreadableMultipart(MultipartException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return respond(HttpStatus.BAD_REQUEST, "the multipart body cannot be read (" + cause.getMessage()
                + "); send JSON, a form, or query parameters");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiResponse> failure(Exception e) {
        String databaseUnavailable = DatabaseUnavailable.messageFor(e);
        if (databaseUnavailable != null) {
            log.warn("no database connection: {}", e.toString());
            return respond(HttpStatus.SERVICE_UNAVAILABLE, databaseUnavailable);
        }
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof ApiException api) {
                return ResponseEntity.status(api.status()).body(ApiResponse.error(api.messages()));
            }
            if (cause instanceof AggregateNotFoundException notFound) {
                return respond(HttpStatus.NOT_FOUND, AggregateNames.describeMissing(String.valueOf(notFound.getAggregateIdentifier())));
            }
            if (cause instanceof ShuttingDown || cause instanceof ConcurrentChanges) {
                return respond(HttpStatus.SERVICE_UNAVAILABLE, cause.getMessage());
            }
            if (cause instanceof IllegalArgumentException) {
                return respond(HttpStatus.BAD_REQUEST, cause.getMessage());
            }
            if (cause instanceof IllegalStateException) {
                return respond(HttpStatus.CONFLICT, cause.getMessage());
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        log.error("request failed", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR);
    }

    private static ResponseEntity<ApiResponse> respond(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(ApiResponse.error(List.of(message)));
    }
}
