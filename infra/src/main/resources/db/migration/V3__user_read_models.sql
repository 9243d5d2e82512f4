-- Read models of users and their transactions. Times are UTC epoch microseconds (*_us).

CREATE TABLE users (
    user_id    BIGINT         NOT NULL PRIMARY KEY,
    login      VARCHAR(255)   NOT NULL,
    email      VARCHAR(255)   NOT NULL,
    rank       VARCHAR(16)    NOT NULL,
    credit     NUMERIC(30, 8) NOT NULL,
    deleted    BOOLEAN        NOT NULL,
    created_us BIGINT         NOT NULL
);
CREATE INDEX users_login ON users (login);
CREATE INDEX users_email ON users (email);

-- One row per transaction, in each user's order (user_seq = the aggregate's sequence number),
-- with the balance after it: this table is also the balance history.
CREATE TABLE ledger_transactions (
    id              BIGINT         NOT NULL PRIMARY KEY,
    user_id         BIGINT         NOT NULL,
    user_seq        BIGINT         NOT NULL,
    amount          NUMERIC(30, 8) NOT NULL,
    balance_after   NUMERIC(30, 8) NOT NULL,
    description     VARCHAR(2000),
    details         VARCHAR(8000),
    category        VARCHAR(32),
    occurred_us     BIGINT         NOT NULL,
    project_uid     VARCHAR(255),
    job_id          BIGINT,
    computing_start BIGINT,
    computing_end   BIGINT,
    cores_per_sec   NUMERIC(30, 8),
    calc_count      INTEGER,
    mesh_count      INTEGER,
    reverses        BIGINT,
    canceled_by     BIGINT
);
CREATE UNIQUE INDEX ledger_transactions_user_history ON ledger_transactions (user_id, occurred_us, user_seq);
CREATE INDEX ledger_transactions_project ON ledger_transactions (project_uid);
CREATE INDEX ledger_transactions_job ON ledger_transactions (job_id);
