package com.zephycloud.ledger.infra.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The envelope for the errors the servlet container forwards to {@code /error} (a failure outside
 * the endpoints, such as in a filter), in place of Spring Boot's own error body. Asked directly,
 * {@code /error} is an unknown endpoint like any other.
 */
@RestController
public class ApiErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    public ResponseEntity<ApiResponse> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiResponse.error(List.of(
                    ApiExceptionHandler.unknownEndpoint(request.getRequestURI()))));
        }
        String message = status.is5xxServerError() ? ApiExceptionHandler.INTERNAL_ERROR
                : ApiExceptionHandler.statusOnly(status.value());
        return ResponseEntity.status(status).body(ApiResponse.error(List.of(message)));
    }
}
