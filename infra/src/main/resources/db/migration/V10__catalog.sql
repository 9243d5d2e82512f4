-- The catalog: command-side registers (written in the transaction of their events) and the
-- point-in-time read models. Every version has a half-open validity range
-- [valid_from_us, valid_to_us), UTC epoch microseconds; valid_to_us NULL = still valid.

CREATE SEQUENCE toolchain_id_seq START WITH 1 INCREMENT BY 1;

-- Registers (command side) ----------------------------------------------------------------
CREATE TABLE catalog_provider_register (
    provider VARCHAR(64) NOT NULL PRIMARY KEY
);

CREATE TABLE catalog_machine_register (
    machine_id    VARCHAR(300) NOT NULL PRIMARY KEY,
    provider      VARCHAR(64)  NOT NULL,
    machine       VARCHAR(128) NOT NULL,
    removed_us    BIGINT
);

CREATE TABLE catalog_toolchain_register (
    toolchain_id BIGINT       NOT NULL PRIMARY KEY,
    name         VARCHAR(128) NOT NULL UNIQUE
);

-- The whole pricing inputs (constants and rates, as JSON) from each pricing change on.
CREATE TABLE catalog_pricing_register (
    valid_from_us BIGINT        NOT NULL PRIMARY KEY,
    inputs        VARCHAR(8000) NOT NULL
);

-- Read models ---------------------------------------------------------------------------------
CREATE TABLE catalog_provider_version (
    provider      VARCHAR(64)  NOT NULL,
    valid_from_us BIGINT       NOT NULL,
    valid_to_us   BIGINT,
    location      VARCHAR(255) NOT NULL,
    type          VARCHAR(64)  NOT NULL,
    PRIMARY KEY (provider, valid_from_us)
);

CREATE TABLE catalog_provider_specific (
    provider      VARCHAR(64)   NOT NULL,
    valid_from_us BIGINT        NOT NULL,
    field_name    VARCHAR(128)  NOT NULL,
    field_value   VARCHAR(2000) NOT NULL,
    PRIMARY KEY (provider, valid_from_us, field_name)
);

-- Every machine that ever existed: the driving table of point-in-time lists, so that a list
-- costs one index lookup per machine whatever the number of versions.
CREATE TABLE catalog_machine (
    provider VARCHAR(64)  NOT NULL,
    machine  VARCHAR(128) NOT NULL,
    PRIMARY KEY (provider, machine)
);

CREATE TABLE catalog_machine_version (
    provider                  VARCHAR(64)    NOT NULL,
    machine                   VARCHAR(128)   NOT NULL,
    valid_from_us             BIGINT         NOT NULL,
    valid_to_us               BIGINT,
    cores                     INTEGER        NOT NULL,
    ram                       BIGINT         NOT NULL,
    availability              INTEGER        NOT NULL,
    price_root                NUMERIC(30, 8) NOT NULL,
    price_gold                NUMERIC(30, 8) NOT NULL,
    price_silver              NUMERIC(30, 8) NOT NULL,
    price_bronze              NUMERIC(30, 8) NOT NULL,
    price_sec_granularity     INTEGER        NOT NULL,
    price_min_sec_granularity INTEGER        NOT NULL,
    cost_per_hour             NUMERIC(30, 8) NOT NULL,
    cost_currency             VARCHAR(32)    NOT NULL,
    cost_sec_granularity      INTEGER        NOT NULL,
    cost_min_sec_granularity  INTEGER        NOT NULL,
    auto_update               BOOLEAN        NOT NULL,
    PRIMARY KEY (provider, machine, valid_from_us)
);

CREATE TABLE catalog_toolchain_version (
    toolchain_id  BIGINT         NOT NULL,
    valid_from_us BIGINT         NOT NULL,
    valid_to_us   BIGINT,
    name          VARCHAR(128)   NOT NULL,
    fixed_price   NUMERIC(30, 8) NOT NULL,
    machine_limit INTEGER        NOT NULL,
    PRIMARY KEY (toolchain_id, valid_from_us)
);
CREATE INDEX catalog_toolchain_version_name ON catalog_toolchain_version (name, valid_from_us);

CREATE TABLE catalog_toolchain_machine (
    toolchain_id  BIGINT       NOT NULL,
    valid_from_us BIGINT       NOT NULL,
    provider      VARCHAR(64)  NOT NULL,
    machine       VARCHAR(128) NOT NULL,
    PRIMARY KEY (toolchain_id, valid_from_us, provider, machine)
);
CREATE INDEX catalog_toolchain_machine_by_machine ON catalog_toolchain_machine (provider, machine);

CREATE TABLE catalog_pricing_version (
    valid_from_us                     BIGINT         NOT NULL PRIMARY KEY,
    valid_to_us                       BIGINT,
    default_cost_currency             VARCHAR(32)    NOT NULL,
    default_cost_sec_granularity      INTEGER        NOT NULL,
    default_cost_min_sec_granularity  INTEGER        NOT NULL,
    default_currency                  VARCHAR(32)    NOT NULL,
    default_price_sec_granularity     INTEGER        NOT NULL,
    default_price_min_sec_granularity INTEGER        NOT NULL,
    openfoam_donations                NUMERIC(30, 8) NOT NULL,
    security_margin                   NUMERIC(30, 8) NOT NULL,
    zephycoin_price                   NUMERIC(30, 8) NOT NULL,
    margin_root                       NUMERIC(30, 8) NOT NULL,
    margin_gold                       NUMERIC(30, 8) NOT NULL,
    margin_silver                     NUMERIC(30, 8) NOT NULL,
    margin_bronze                     NUMERIC(30, 8) NOT NULL,
    storage_price_per_day             NUMERIC(30, 8) NOT NULL
);

CREATE TABLE catalog_exchange_rate_version (
    currency      VARCHAR(32)    NOT NULL,
    valid_from_us BIGINT         NOT NULL,
    valid_to_us   BIGINT,
    rate_to_euro  NUMERIC(30, 8) NOT NULL,
    PRIMARY KEY (currency, valid_from_us)
);
