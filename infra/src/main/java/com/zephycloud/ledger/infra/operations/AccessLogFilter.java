package com.zephycloud.ledger.infra.operations;

import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.http.Milliseconds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import java.io.IOException;

/**
 * One log line per request: method, route (the endpoint's path pattern, never the raw URL, whose
 * query string may hold a password), status, duration and the client's request id when it sent
 * one ({@code X-Request-Id}, or the API's {@code request_id} parameter). No header and no other
 * parameter is logged. The fields are also key-value pairs, which the JSON log formats
 * ({@code logging.structured.format.console}) write as fields of their own.
 */
final class AccessLogFilter extends OncePerRequestFilter {

    static final String LOGGER = "zephy.access";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private static final int MAX_ID = 200;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long micros = (System.nanoTime() - start + 500) / 1000;
            String route = route(request);
            String requestId = requestId(request);
            log.atInfo().addKeyValue("http.method", request.getMethod()).addKeyValue("http.route", route)
                    .addKeyValue("http.status", response.getStatus())
                    .addKeyValue("duration_ms", micros / 1000.0)
                    .addKeyValue("request_id", requestId)
                    .log("{} {} {} {} ms{}", request.getMethod(), route, response.getStatus(),
                            Milliseconds.ofMicros(micros), requestId == null ? "" : " request_id=" + requestId);
        }
    }

    /** The pattern of the endpoint that answered; a request no endpoint matched logs its path. */
    private static String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern != null ? pattern.toString() : clean(request.getRequestURI());
    }

    /** The header, or the parameter as the API's parameter binding read it (from a form, a query string or JSON). */
    private static String requestId(HttpServletRequest request) {
        String id = request.getHeader("X-Request-Id");
        if (id == null && request.getAttribute(ApiParams.REQUEST_ID_ATTRIBUTE) instanceof String sent) {
            id = sent;
        }
        return id == null || id.isEmpty() ? null : clean(id);
    }

    /** A client's text on one line, of bounded length: no forged log lines. */
    private static String clean(String text) {
        String bounded = text.length() > MAX_ID ? text.substring(0, MAX_ID) : text;
        return bounded.replaceAll("\\p{Cntrl}", "?");
    }
}
