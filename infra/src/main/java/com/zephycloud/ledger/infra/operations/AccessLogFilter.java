package com.zephycloud.ledger.infra.operations;

import com.zephycloud.ledger.infra.http.ApiParams;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingRequestWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern JSON_REQUEST_ID = Pattern.compile(
            "\"" + ApiParams.REQUEST_ID + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.){1,200})\"");
    private static final int MAX_ID = 200;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        HttpServletRequest logged = isJson(request) ? new ContentCachingRequestWrapper(request) : request;
        try {
            chain.doFilter(logged, response);
        } finally {
            double millis = (System.nanoTime() - start) / 1_000_000.0;
            String route = route(request);
            String requestId = requestId(logged);
            log.atInfo().addKeyValue("http.method", request.getMethod()).addKeyValue("http.route", route)
                    .addKeyValue("http.status", response.getStatus())
                    .addKeyValue("duration_ms", Math.round(millis * 1000) / 1000.0)
                    .addKeyValue("request_id", requestId)
                    .log("{} {} {} {} ms{}", request.getMethod(), route, response.getStatus(),
                            String.format(Locale.ROOT, "%.3f", millis), requestId == null ? "" : " request_id=" + requestId);
        }
    }

    /** The pattern of the endpoint that answered; a request no endpoint matched logs its path. */
    private static String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern != null ? pattern.toString() : clean(request.getRequestURI());
    }

    private static String requestId(HttpServletRequest request) {
        String id = request.getHeader("X-Request-Id");
        if (id == null && request instanceof ContentCachingRequestWrapper cached) {
            Matcher json = JSON_REQUEST_ID.matcher(new String(cached.getContentAsByteArray(), StandardCharsets.UTF_8));
            id = json.find() ? json.group(1) : null;
        }
        if (id == null && !isJson(request)) {
            id = request.getParameter(ApiParams.REQUEST_ID); // the form or query string, read by the endpoint already
        }
        return id == null || id.isEmpty() ? null : clean(id);
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).contains("json");
    }

    /** A client's text on one line, of bounded length: no forged log lines. */
    private static String clean(String text) {
        String bounded = text.length() > MAX_ID ? text.substring(0, MAX_ID) : text;
        return bounded.replaceAll("\\p{Cntrl}", "?");
    }
}
