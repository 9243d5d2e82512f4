package com.zephycloud.ledger.infra.messaging;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who made a change: the role and user name of the request's credentials ({@code admin:admin},
 * {@code service:scheduler}). The HTTP layer's authentication filter records it on the request;
 * {@link Commands} puts it in each command's metadata under {@link #METADATA_KEY}, and Axon copies
 * it into the metadata of the events the command applies (the event's timestamp tells when).
 */
public final class Actor {

    public static final String METADATA_KEY = "actor";
    private static final String ATTRIBUTE = Actor.class.getName();

    private Actor() {
    }

    public static void record(HttpServletRequest request, String role, String user) {
        request.setAttribute(ATTRIBUTE, role + ":" + user);
    }

    /** The actor of the request this thread serves, or null outside a request. */
    static String current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? null : (String) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }
}
