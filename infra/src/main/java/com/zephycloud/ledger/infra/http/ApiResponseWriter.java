package com.zephycloud.ledger.infra.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.io.IOException;

/**
 * Writes an endpoint's {@link ApiResponse} as JSON, straight to the response. The API answers
 * JSON and nothing else, so Spring MVC's general path (asking each return value handler in turn,
 * content negotiation over every message converter, body advice) only cost time: about a tenth
 * of a short request's server time, and a client whose {@code Accept} header did not name JSON got
 * an HTML error page instead of the envelope. Registered ahead of Spring's own handlers, for the
 * endpoints and for the exception handlers.
 */
public final class ApiResponseWriter implements HandlerMethodReturnValueHandler {

    private final ObjectWriter json;

    public ApiResponseWriter(ObjectMapper apiJson) {
        this.json = apiJson.writerFor(ApiResponse.class);
    }

    /** An {@link ApiResponse}, or a {@link ResponseEntity} of one (the error answers, with their status). */
    @Override
    public boolean supportsReturnType(MethodParameter returnType) {
        Class<?> type = returnType.getParameterType();
        return type == ApiResponse.class || ResponseEntity.class.isAssignableFrom(type)
                && ResolvableType.forMethodParameter(returnType).getGeneric(0).resolve() == ApiResponse.class;
    }

    @Override
    public void handleReturnValue(Object returnValue, MethodParameter returnType, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest) throws IOException {
        mavContainer.setRequestHandled(true);
        HttpServletResponse response = webRequest.getNativeResponse(HttpServletResponse.class);
        Object envelope = returnValue;
        if (returnValue instanceof ResponseEntity<?> entity) {
            response.setStatus(entity.getStatusCode().value());
            entity.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            envelope = entity.getBody();
        }
        byte[] body = json.writeValueAsBytes(envelope);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
