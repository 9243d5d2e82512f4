package com.zephycloud.ledger.infra.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zephycloud.ledger.infra.http.ApiResponse;
import com.zephycloud.ledger.infra.http.BasicAuthenticationFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;

/**
 * Who may see what under {@code /actuator/}: health and its probes answer anyone (a load balancer
 * sends no credentials), with their details only for the admin credentials; every other operations
 * endpoint (metrics) needs the admin credentials. Actuator shows details "when authorized", which
 * without Spring Security means a request with a principal: this filter sets one for the admin.
 */
final class OperationsAccessFilter extends OncePerRequestFilter {

    static final String PREFIX = "/actuator";
    private static final String HEALTH = PREFIX + "/health";

    private final BasicAuthenticationFilter authentication;
    private final ObjectMapper json;

    OperationsAccessFilter(BasicAuthenticationFilter authentication, ObjectMapper json) {
        this.authentication = authentication;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !(path.equals(PREFIX) || path.startsWith(PREFIX + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (authentication.isAdmin(request)) {
            chain.doFilter(new AdminRequest(request), response);
            return;
        }
        String path = path(request);
        if (path.equals(HEALTH) || path.startsWith(HEALTH + "/")) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"zephycloud\", charset=\"UTF-8\"");
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), ApiResponse.error(List.of(
                "authentication required: send HTTP Basic credentials of the admin API")));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The request as Actuator sees it when the admin credentials came with it. */
    private static final class AdminRequest extends HttpServletRequestWrapper {
        private static final Principal ADMIN = () -> "admin";

        AdminRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Principal getUserPrincipal() {
            return ADMIN;
        }

        @Override
        public boolean isUserInRole(String role) {
            return true;
        }
    }
}
