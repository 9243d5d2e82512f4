-- Read models of computations. Times are UTC epoch microseconds (*_us).

CREATE TABLE computations (
    job_id                    BIGINT         NOT NULL PRIMARY KEY,
    user_id                   BIGINT         NOT NULL,
    project_uid               VARCHAR(255)   NOT NULL,
    status                    VARCHAR(16)    NOT NULL,
    create_us                 BIGINT         NOT NULL,
    start_us                  BIGINT,
    end_us                    BIGINT,
    progress                  NUMERIC(10, 8) NOT NULL,
    has_logs                  BOOLEAN        NOT NULL,
    shutdown_disabled         BOOLEAN        NOT NULL,
    provider                  VARCHAR(255)   NOT NULL,
    machine                   VARCHAR(255)   NOT NULL,
    nbr_machines              INTEGER        NOT NULL,
    cores_per_machine         INTEGER        NOT NULL,
    user_rank                 VARCHAR(16)    NOT NULL,
    toolchain_id              BIGINT         NOT NULL,
    toolchain_name            VARCHAR(255)   NOT NULL,
    fixed_price               NUMERIC(30, 8) NOT NULL,
    price_per_hour            NUMERIC(30, 8) NOT NULL,
    price_sec_granularity     INTEGER        NOT NULL,
    price_min_sec_granularity INTEGER        NOT NULL,
    cost_per_hour             NUMERIC(30, 8) NOT NULL,
    cost_currency             VARCHAR(32),
    cost_sec_granularity      INTEGER        NOT NULL,
    cost_min_sec_granularity  INTEGER        NOT NULL
);
CREATE INDEX computations_user ON computations (user_id);
CREATE INDEX computations_project ON computations (project_uid);
CREATE INDEX computations_status ON computations (status);

-- Every status a computation went through, with its date and, for kills and cancels, the reason.
CREATE TABLE computation_statuses (
    job_id    BIGINT        NOT NULL,
    job_seq   BIGINT        NOT NULL,
    status    VARCHAR(16)   NOT NULL,
    at_us     BIGINT        NOT NULL,
    reason    VARCHAR(2000),
    PRIMARY KEY (job_id, job_seq)
);

-- Log lines as the workers sent them, in order (job_seq = the aggregate's sequence number).
CREATE TABLE computation_logs (
    job_id  BIGINT        NOT NULL,
    job_seq BIGINT        NOT NULL,
    lines   VARCHAR(100000) NOT NULL,
    PRIMARY KEY (job_id, job_seq)
);
