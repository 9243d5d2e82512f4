-- The command side's own registers: written in the same database transaction as the events
-- they follow, so that set-based rules (unique login and email, cancel at most once,
-- idempotent requests) hold under concurrency without reading a lagging projection.

CREATE SEQUENCE user_id_seq START WITH 1 INCREMENT BY 1;
-- Transaction ids are reserved in blocks of 50 per call (see SequenceIdAllocator).
CREATE SEQUENCE transaction_id_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE user_identity (
    user_id BIGINT       NOT NULL PRIMARY KEY,
    login   VARCHAR(255) NOT NULL UNIQUE,
    email   VARCHAR(255) NOT NULL UNIQUE
);

CREATE TABLE ledger_entry (
    transaction_id BIGINT         NOT NULL PRIMARY KEY,
    user_id        BIGINT         NOT NULL,
    signed_amount  NUMERIC(30, 8) NOT NULL,
    category       VARCHAR(32),
    context        VARCHAR(2000),
    reverses       BIGINT,
    canceled_by    BIGINT
);

CREATE TABLE request_log (
    request_id  VARCHAR(200) NOT NULL PRIMARY KEY,
    fingerprint VARCHAR(64)  NOT NULL,
    result      VARCHAR(4000),
    created_us  BIGINT       NOT NULL
);
