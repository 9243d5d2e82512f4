-- The report sums add each event once (PeriodSumsProjection): every row keeps last_seq, the place
-- in its user's stream of the last event added to it, and an event handled a second time (after a
-- claim moved between instances, or a token moved back) at or before it is not added again. The
-- rows summed so far have none: they are emptied with the projection's tokens, and processor
-- report-period-sums replays the event store from its start when the application next starts
-- (queries wait for it, as after a rebuild; as V61 did).
DELETE FROM report_daily_sums;
DELETE FROM report_monthly_sums;
DELETE FROM token_entry WHERE processor_name = 'report-period-sums';
ALTER TABLE report_daily_sums ADD COLUMN last_seq BIGINT DEFAULT -1 NOT NULL;
ALTER TABLE report_monthly_sums ADD COLUMN last_seq BIGINT DEFAULT -1 NOT NULL;
