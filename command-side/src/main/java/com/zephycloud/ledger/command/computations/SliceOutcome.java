package com.zephycloud.ledger.command.computations;

/** What a {@link ChargeSlice} did. */
public enum SliceOutcome {
    /** The slice was charged. */
    CHARGED,
    /** The user could not pay it: the computation was killed at the slice's start. */
    KILLED,
    /** The slice starts later than the command's time. */
    NOT_DUE,
    /** The slice was charged before (a repeated or stale command): nothing done. */
    ALREADY_CHARGED,
    /** The computation is not running (not started, or ended): nothing to charge. */
    NOT_RUNNING,
    /**
     * The computation is paused: nothing charged. A paused computation is out of the billing
     * schedule, so a billing worker asking for it acts on a view older than the pause.
     */
    PAUSED
}
