-- Spend limits and low balance (docs/ledger.md): the users' read model shows each user's monthly
-- spend limit, low-balance threshold, whether the balance is low, and the spend of the UTC month of
-- the last charge (spend_month_us: the month's first instant). The spend of the current month
-- needs every charge made in it: the rows are emptied with the projection's token, and processor
-- users replays the event store from its start when the application next starts (queries wait
-- for it, as after a rebuild).
DELETE FROM users;
DELETE FROM token_entry WHERE processor_name = 'users';
ALTER TABLE users ADD COLUMN monthly_spend_limit NUMERIC(30, 8);
ALTER TABLE users ADD COLUMN low_balance_threshold NUMERIC(30, 8);
ALTER TABLE users ADD COLUMN low_balance BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE users ADD COLUMN spend_month_us BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE users ADD COLUMN month_spend NUMERIC(30, 8) DEFAULT 0 NOT NULL;
