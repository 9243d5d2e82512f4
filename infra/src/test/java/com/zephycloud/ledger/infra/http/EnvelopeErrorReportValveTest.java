package com.zephycloud.ledger.infra.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.coyote.http11.Http11NioProtocol;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The envelope for what Tomcat refuses itself: a malformed request is a 400 that says why, but a
 * request Tomcat failed to read while the server stops is a 503 that says to send it again, since
 * the application never saw it.
 */
class EnvelopeErrorReportValveTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRequestTomcatCouldNotReadIsA400WhileTheServerRuns() throws Exception {
        Reported reported = report(LifecycleState.STARTED, false);

        assertThat(reported.status.get()).isEqualTo(400);
        assertThat(reported.body().get("success").asInt()).isZero();
        assertThat(reported.body().get("error_msgs").get(0).asText()).contains("could not read this HTTP request");
    }

    @Test
    void theSameIsA503ToSendAgainOnceTheConnectorIsPausedForTheStop() throws Exception {
        Reported reported = report(LifecycleState.STARTED, true);

        assertThat(reported.status.get()).isEqualTo(503);
        assertThat(reported.body().get("success").asInt()).isZero();
        assertThat(reported.body().get("error_msgs").get(0).asText())
                .contains("shutting down").contains("send it again");
    }

    @Test
    void andWhileTheConnectorStops() throws Exception {
        assertThat(report(LifecycleState.STOPPING, false).status.get()).isEqualTo(503);
    }

    private record Reported(AtomicInteger status, ByteArrayOutputStream written, ObjectMapper json) {
        JsonNode body() throws Exception {
            return json.readTree(written.toByteArray());
        }
    }

    private Reported report(LifecycleState state, boolean paused) throws Exception {
        Http11NioProtocol protocol = mock(Http11NioProtocol.class);
        when(protocol.isPaused()).thenReturn(paused);
        Connector connector = mock(Connector.class);
        when(connector.getState()).thenReturn(state);
        when(connector.getProtocolHandler()).thenReturn(protocol);
        Request request = mock(Request.class);
        when(request.getConnector()).thenReturn(connector);

        AtomicInteger status = new AtomicInteger(400);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        Response response = mock(Response.class);
        when(response.getStatus()).thenAnswer(call -> status.get());
        doAnswer(call -> {
            status.set(call.getArgument(0));
            return null;
        }).when(response).setStatus(anyInt());
        when(response.setErrorReported()).thenReturn(true);
        when(response.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public void write(int b) {
                written.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        });

        new EnvelopeErrorReportValve().report(request, response, null);
        return new Reported(status, written, json);
    }
}
