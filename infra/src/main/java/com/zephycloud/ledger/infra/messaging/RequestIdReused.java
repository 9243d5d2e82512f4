package com.zephycloud.ledger.infra.messaging;

/**
 * A {@code request_id} sent again with other content: the first request's answer does not answer
 * this one, and running it would break the promise that one id runs once. A broken rule of the
 * request, so the API answers 409 like any other {@link IllegalStateException}.
 */
public class RequestIdReused extends IllegalStateException {

    public RequestIdReused(String requestId) {
        super("request_id '" + requestId + "' was already used for a request with other content; use a new request_id");
    }
}
