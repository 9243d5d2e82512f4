-- The tamper-evident ledger (docs/ledger-chain.md). Times are UTC epoch microseconds (*_us).

-- One link per ledger transaction, in each user's order (user_seq = the account's event
-- sequence): the fields of the canonical line, the previous link's hash and this link's hash.
-- A projection (processing group ledger-chain), rebuilt from the event store like the others.
CREATE TABLE ledger_chain (
    user_id            BIGINT         NOT NULL,
    user_seq           BIGINT         NOT NULL,
    transaction_id     BIGINT         NOT NULL,
    event_type         VARCHAR(64)    NOT NULL,
    amount             NUMERIC(30, 8) NOT NULL,
    balance_after      NUMERIC(30, 8) NOT NULL,
    occurred_us        BIGINT         NOT NULL,
    description_sha256 CHAR(64)       NOT NULL,
    previous_hash      CHAR(64)       NOT NULL,
    hash               CHAR(64)       NOT NULL,
    event_position     BIGINT         NOT NULL,
    PRIMARY KEY (user_id, user_seq)
);
CREATE UNIQUE INDEX ledger_chain_transaction ON ledger_chain (transaction_id);
CREATE INDEX ledger_chain_user_time ON ledger_chain (user_id, occurred_us);

-- Signed checkpoints: a Merkle root over every user's chain head. Not a projection: a checkpoint
-- is signed once, when it is made, and a rebuild of the chain leaves the checkpoints alone (a
-- rebuilt chain that differs from a checkpoint is what verification reports).
CREATE TABLE ledger_checkpoint (
    checkpoint_id  BIGINT        NOT NULL PRIMARY KEY,
    created_us     BIGINT        NOT NULL,
    event_position BIGINT        NOT NULL,
    leaf_count     BIGINT        NOT NULL,
    root           CHAR(64)      NOT NULL,
    signed_message VARCHAR(400)  NOT NULL,
    signature      VARCHAR(200)  NOT NULL,
    public_key     VARCHAR(400)  NOT NULL
);

-- The leaves of each checkpoint, in Merkle order (by user_id): which link was each user's head.
CREATE TABLE ledger_checkpoint_leaf (
    checkpoint_id BIGINT   NOT NULL,
    leaf_index    BIGINT   NOT NULL,
    user_id       BIGINT   NOT NULL,
    user_seq      BIGINT   NOT NULL,
    head          CHAR(64) NOT NULL,
    PRIMARY KEY (checkpoint_id, leaf_index)
);
CREATE INDEX ledger_checkpoint_leaf_user ON ledger_checkpoint_leaf (user_id, checkpoint_id);

-- One row, locked by whoever makes a checkpoint, so that instances sharing the database make
-- them one at a time.
CREATE TABLE ledger_checkpoint_lock (
    id INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO ledger_checkpoint_lock (id) VALUES (1);
