-- The place in the user's event stream of the last charge counted in month_spend: a charge
-- handled a second time (a segment claimed again after its owner stopped) is not counted twice.
ALTER TABLE users ADD COLUMN spend_seq BIGINT;
