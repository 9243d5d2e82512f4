package com.zephycloud.ledger.infra.messaging;

/**
 * A command refused because this server is stopping. Nothing of it was stored, so sending it
 * again, to this server once it is back or to another instance, is safe: the API answers 503.
 */
public class ShuttingDown extends RuntimeException {

    /** Also what the web server answers to a request it could not read while stopping. */
    public static final String MESSAGE = "the server is shutting down and stored nothing of this request;"
            + " send it again";

    public ShuttingDown() {
        super(MESSAGE);
    }
}
