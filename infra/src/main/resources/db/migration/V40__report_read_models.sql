-- Read models of the reports. Times are UTC epoch microseconds (*_us).

-- Per user, UTC day, description and project: the sums of that day's transactions. A report
-- reads whole days inside its window from here and only the partial days at its two edges from
-- ledger_transactions, so that its cost grows with the number of days, not of transactions.
-- description and project_uid are the same values as in ledger_transactions (null included).
CREATE TABLE report_daily_sums (
    user_id       BIGINT         NOT NULL,
    day_us        BIGINT         NOT NULL,
    description   VARCHAR(2000),
    project_uid   VARCHAR(255),
    amount        NUMERIC(30, 8) NOT NULL,
    last_us       BIGINT         NOT NULL,
    cores_per_sec NUMERIC(30, 8),
    calc_count    BIGINT,
    mesh_count    BIGINT,
    entries       BIGINT         NOT NULL
);
CREATE INDEX report_daily_sums_user_day ON report_daily_sums (user_id, day_us);
CREATE INDEX report_daily_sums_day ON report_daily_sums (day_us);

-- The same sums per UTC calendar month: a window reads whole months from here, the whole days
-- around them from report_daily_sums, and its partial days from ledger_transactions.
CREATE TABLE report_monthly_sums (
    user_id       BIGINT         NOT NULL,
    month_us      BIGINT         NOT NULL,
    description   VARCHAR(2000),
    project_uid   VARCHAR(255),
    amount        NUMERIC(30, 8) NOT NULL,
    last_us       BIGINT         NOT NULL,
    cores_per_sec NUMERIC(30, 8),
    calc_count    BIGINT,
    mesh_count    BIGINT,
    entries       BIGINT         NOT NULL
);
CREATE INDEX report_monthly_sums_user_month ON report_monthly_sums (user_id, month_us);
CREATE INDEX report_monthly_sums_month ON report_monthly_sums (month_us);

-- The edges of a report over all users are read by date across users.
CREATE INDEX ledger_transactions_occurred ON ledger_transactions (occurred_us);

-- The date of the last generated report (report/set_date), one row per calendar.
CREATE TABLE report_date (
    calendar VARCHAR(64) NOT NULL PRIMARY KEY,
    date_us  BIGINT      NOT NULL
);
