-- Per projection and aggregate, the place in the aggregate's stream of the last event the
-- projection applied (query.common.AppliedEvents): the catalog's projections pass over an event
-- handled a second time (after a claim moved between instances, or a token moved back), whose
-- changes of validity ranges would not give the same tables when applied again. Their tables are
-- emptied with their tokens, so that the catalog is replayed from the start, with its guards, when
-- the application next starts (the catalog is a few events per change).
CREATE TABLE projection_applied (
    projection   VARCHAR(64)  NOT NULL,
    aggregate_id VARCHAR(255) NOT NULL,
    last_seq     BIGINT       NOT NULL,
    PRIMARY KEY (projection, aggregate_id)
);
DELETE FROM catalog_provider_specific;
DELETE FROM catalog_provider_version;
DELETE FROM catalog_machine_version;
DELETE FROM catalog_machine_period;
DELETE FROM catalog_toolchain_machine;
DELETE FROM catalog_toolchain_version;
DELETE FROM catalog_pricing_version;
DELETE FROM catalog_exchange_rate_version;
DELETE FROM token_entry WHERE processor_name IN ('catalog-providers', 'catalog-machines', 'catalog-toolchains',
    'catalog-pricing');
