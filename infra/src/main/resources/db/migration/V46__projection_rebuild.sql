-- Projections being rebuilt: a row from before their tables are emptied until their replay has
-- caught up with the store. Readers that keep what they read (the settled machine versions)
-- keep nothing while their projection has a row here: its tables then show an earlier history.
CREATE TABLE projection_rebuild (
    processor_name VARCHAR(255) NOT NULL PRIMARY KEY,
    started_at_us  BIGINT       NOT NULL
);
