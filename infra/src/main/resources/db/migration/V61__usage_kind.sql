-- Usage by project and month (docs/usage.md): the report sums are kept per usage kind as well
-- (credit, credit_removed, manual, fixed_price, computation, storage, canceled_<category>), so
-- that the usage view reads the same sums as the reports. The rows summed so far have no kind:
-- they are emptied with the projection's token, and processor report-period-sums replays the
-- event store from its start when the application next starts (queries wait for it, as after a
-- rebuild).
DELETE FROM report_daily_sums;
DELETE FROM report_monthly_sums;
DELETE FROM token_entry WHERE processor_name = 'report-period-sums';
ALTER TABLE report_daily_sums ADD COLUMN kind VARCHAR(32) DEFAULT 'credit' NOT NULL;
ALTER TABLE report_monthly_sums ADD COLUMN kind VARCHAR(32) DEFAULT 'credit' NOT NULL;
