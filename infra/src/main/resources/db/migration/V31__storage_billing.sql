-- Storage billing: the last day charged per user (UTC epoch day). Exactly-once per (user, day)
-- does not rest on this table but on the request log key "storage:<user>:<day>", written in
-- the same transaction as the charge; this table only saves re-asking days already done.
CREATE TABLE storage_billing (
    user_id         BIGINT NOT NULL PRIMARY KEY,
    last_billed_day BIGINT NOT NULL
);
