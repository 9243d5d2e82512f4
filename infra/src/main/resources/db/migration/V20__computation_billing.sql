-- Computations: job ids, and the command side's billing registers. Both registers are written by
-- a subscribing handler, in the database transaction that stores the events they follow.

CREATE SEQUENCE job_id_seq START WITH 1 INCREMENT BY 1;

-- The next slice to charge of every running computation and when it is due (its start, UTC
-- epoch microseconds). Billing workers claim due rows with SELECT ... FOR UPDATE SKIP LOCKED, so
-- that instances share the work; the row survives restarts.
CREATE TABLE billing_schedule (
    job_id     BIGINT NOT NULL PRIMARY KEY,
    next_slice BIGINT NOT NULL,
    due_us     BIGINT NOT NULL
);
CREATE INDEX billing_schedule_due ON billing_schedule (due_us);

-- One row per charged slice: the primary key refuses a second charge of a slice in the same
-- transaction that would store it.
CREATE TABLE computation_slice_charge (
    job_id         BIGINT NOT NULL,
    slice_number   BIGINT NOT NULL,
    transaction_id BIGINT NOT NULL,
    PRIMARY KEY (job_id, slice_number)
);
