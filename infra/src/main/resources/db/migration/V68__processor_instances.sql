-- The application instances sharing this database, each seen again every few seconds
-- (ProcessorInstances): the projections' segments are shared out between the live ones.
CREATE TABLE processor_instance (
    owner   VARCHAR(255) NOT NULL PRIMARY KEY,
    seen_us BIGINT       NOT NULL
);
