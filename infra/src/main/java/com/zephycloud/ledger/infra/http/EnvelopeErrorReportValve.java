package com.zephycloud.ledger.infra.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zephycloud.ledger.infra.json.ApiJson;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The envelope instead of Tomcat's HTML error page, for the requests Tomcat refuses before the
 * application sees them: a request line or headers larger than it accepts (a long query string),
 * a malformed request. Tomcat creates it by its class name, hence the constructor without arguments.
 */
public class EnvelopeErrorReportValve extends ErrorReportValve {

    private final ObjectMapper json = ApiJson.create();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            byte[] body = json.writeValueAsBytes(ApiResponse.error(List.of(message(status))));
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client went away, or the response cannot take a body: nothing more to tell
        }
    }

    private static String message(int status) {
        if (status == HttpStatus.BAD_REQUEST.value()) {
            return "the server could not read this HTTP request: it is malformed, or its request line and headers"
                    + " are larger than the server accepts; send long parameters in a POST body";
        }
        return ApiExceptionHandler.statusOnly(status);
    }
}
