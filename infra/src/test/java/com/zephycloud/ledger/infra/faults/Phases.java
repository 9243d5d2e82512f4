package com.zephycloud.ledger.infra.faults;

/** The tally of the fault under way: the clients count into it, the harness moves to the next. */
final class Phases {

    private volatile Tally current = new Tally();

    Tally current() {
        return current;
    }

    /** Starts a new tally and answers the finished one. */
    Tally next() {
        Tally done = current;
        current = new Tally();
        return done;
    }
}
