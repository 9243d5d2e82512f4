package com.zephycloud.ledger.infra.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zephycloud.ledger.infra.messaging.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * HTTP Basic authentication: {@code /admin/} takes the admin credentials, {@code /service/}
 * (the scheduler's and the platform's API) the service credentials. The two roles are separate:
 * one's credentials are refused on the other's paths.
 */
public class BasicAuthenticationFilter extends OncePerRequestFilter {

    public static final String ADMIN_PREFIX = "/admin/";
    public static final String SERVICE_PREFIX = "/service/";

    private final ApiCredentials admin;
    private final ApiCredentials service;
    private final ObjectMapper json;

    public BasicAuthenticationFilter(ApiCredentials admin, ApiCredentials service, ObjectMapper json) {
        this.admin = admin;
        this.service = service;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        ApiCredentials required = path.startsWith(ADMIN_PREFIX) ? admin
                : path.startsWith(SERVICE_PREFIX) ? service : null;
        if (required == null) {
            chain.doFilter(request, response);
            return;
        }
        String[] given = decode(request.getHeader("Authorization"));
        if (given == null || !required.matches(given[0], given[1])) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"zephycloud\", charset=\"UTF-8\"");
            String role = required == admin ? "admin" : "service";
            reject(response, "authentication required: send HTTP Basic credentials of the " + role + " API");
            return;
        }
        Actor.record(request, required == admin ? "admin" : "service", given[0]);
        chain.doFilter(request, response);
    }

    /** Whether the request carries the admin credentials (the operations endpoints ask, see infra.operations). */
    public boolean isAdmin(HttpServletRequest request) {
        String[] given = decode(request.getHeader("Authorization"));
        return given != null && admin.matches(given[0], given[1]);
    }

    private void reject(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), ApiResponse.error(List.of(message)));
    }

    private static String[] decode(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : new String[]{pair.substring(0, colon), pair.substring(colon + 1)};
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
