-- The benefits report: what the provider charges for each billed slice, keyed by the ledger
-- transaction that charged the slice (its date, user and cancellation are the ledger's).
CREATE TABLE benefit_slice_costs (
    transaction_id BIGINT         NOT NULL PRIMARY KEY,
    job_id         BIGINT         NOT NULL,
    slice_number   BIGINT         NOT NULL,
    provider_cost  NUMERIC(30, 8) NOT NULL,
    cost_currency  VARCHAR(32)    NOT NULL
);

-- The benefits report reads every user's consumptions of a window by date, through the index
-- ledger_transactions_occurred of V40.
