package com.zephycloud.ledger.infra.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Reports how long the server spent on each request in the standard {@code Server-Timing}
 * response header ({@code app;dur=1.234}, milliseconds), so that a client can tell server time
 * from network time. Registered before every other filter, so that authentication refusals carry
 * it too.
 */
public class ServerTimingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ServerTimingResponse timed = new ServerTimingResponse(response, System.nanoTime());
        try {
            chain.doFilter(request, timed);
        } finally {
            timed.stamp();
        }
    }
}
