package com.zephycloud.ledger.infra.messaging;

/**
 * A command rolled back on every try because its aggregate was changed meanwhile each time (by
 * another instance, or a billing batch), or chosen each time to break a cycle of lock waits.
 * Nothing of it was stored, so sending it again is safe: the API answers 503, not a 500.
 */
public class ConcurrentChanges extends RuntimeException {

    public ConcurrentChanges(int attempts, Throwable last) {
        super("the account or job was changed at the same time by another request on each of " + attempts
                + " tries, and nothing of this request was stored; send it again", last);
    }
}
