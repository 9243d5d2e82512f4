package com.zephycloud.ledger.infra.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zephycloud.ledger.infra.json.ApiJson;
import com.zephycloud.ledger.infra.messaging.ShuttingDown;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.AbstractProtocol;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The envelope instead of Tomcat's HTML error page, for the requests Tomcat refuses before the
 * application sees them: a request line or headers larger than it accepts (a long query string),
 * a malformed request. Tomcat creates it by its class name, hence the constructor without arguments.
 * <p>
 * While the server stops (its connector paused for the graceful shutdown, or stopping), Tomcat can
 * fail to read a request that was well formed and answer 400 (seen once in a few runs of
 * {@code GracefulStopTest}, a request arriving on a kept-alive connection as the stop began). The
 * application never saw it, so nothing of it was stored: that is a 503 that says to send it again,
 * as for the commands refused by the stopping server, not a refusal of the request.
 */
public class EnvelopeErrorReportValve extends ErrorReportValve {

    private final ObjectMapper json = ApiJson.create();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String message = message(status);
        if (status == HttpStatus.BAD_REQUEST.value() && stopping(request)) {
            status = HttpStatus.SERVICE_UNAVAILABLE.value();
            response.setStatus(status);
            message = ShuttingDown.MESSAGE;
        }
        try {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            byte[] body = json.writeValueAsBytes(ApiResponse.error(List.of(message)));
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client went away, or the response cannot take a body: nothing more to tell
        }
    }

    private static boolean stopping(Request request) {
        Connector connector = request.getConnector();
        return !connector.getState().isAvailable()
                || connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol && protocol.isPaused();
    }

    private static String message(int status) {
        if (status == HttpStatus.BAD_REQUEST.value()) {
            return "the server could not read this HTTP request: it is malformed, or its request line and headers"
                    + " are larger than the server accepts; send long parameters in a POST body";
        }
        return ApiExceptionHandler.statusOnly(status);
    }
}
