-- Projects, their meshes, calculations and files.

-- Ids the API shows come from sequences (see ProjectIdAllocator).
CREATE SEQUENCE mesh_id_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE file_id_seq START WITH 1 INCREMENT BY 1;

-- Command-side registers, written in the same transaction as the event that claims a row:
-- a storage key belongs to one file of one project, a job computes one calculation.
CREATE TABLE project_storage_key (
    storage     VARCHAR(255)  NOT NULL,
    storage_key VARCHAR(1024) NOT NULL,
    project_uid VARCHAR(255)  NOT NULL,
    file_id     BIGINT        NOT NULL,
    PRIMARY KEY (storage, storage_key)
);

CREATE TABLE project_job (
    job_id      BIGINT       NOT NULL PRIMARY KEY,
    project_uid VARCHAR(255) NOT NULL
);

-- Read model: every version of every project, valid over [valid_from_us, valid_to_us) (NULL: still
-- valid). A status change or the removal closes the current version and opens a new one.
CREATE TABLE project_versions (
    project_uid      VARCHAR(255) NOT NULL,
    version          BIGINT       NOT NULL,
    user_id          BIGINT       NOT NULL,
    storage          VARCHAR(255) NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    created_us       BIGINT       NOT NULL,
    removed          BOOLEAN      NOT NULL,
    raw_file_id      BIGINT,
    analyzed_file_id BIGINT,
    valid_from_us    BIGINT       NOT NULL,
    valid_to_us      BIGINT,
    PRIMARY KEY (project_uid, version)
);
CREATE INDEX project_versions_user ON project_versions (user_id, valid_from_us);
CREATE INDEX project_versions_validity ON project_versions (valid_from_us, valid_to_us);

CREATE TABLE project_meshes (
    mesh_id         BIGINT       NOT NULL PRIMARY KEY,
    project_uid     VARCHAR(255) NOT NULL,
    user_id         BIGINT       NOT NULL,
    name            VARCHAR(2000) NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    created_us      BIGINT       NOT NULL,
    deleted_us      BIGINT,
    preview_file_id BIGINT,
    result_file_id  BIGINT
);
CREATE INDEX project_meshes_project ON project_meshes (project_uid);
CREATE INDEX project_meshes_user ON project_meshes (user_id, created_us);

CREATE TABLE project_calculations (
    job_id             BIGINT       NOT NULL PRIMARY KEY,
    project_uid        VARCHAR(255) NOT NULL,
    user_id            BIGINT       NOT NULL,
    mesh_id            BIGINT       NOT NULL,
    name               VARCHAR(2000) NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    created_us         BIGINT       NOT NULL,
    deleted_us         BIGINT,
    has_logs           BOOLEAN      NOT NULL,
    status_file_id     BIGINT,
    result_file_id     BIGINT,
    iterations_file_id BIGINT,
    reduce_file_id     BIGINT,
    internal_file_id   BIGINT
);
CREATE INDEX project_calculations_project ON project_calculations (project_uid);
CREATE INDEX project_calculations_user ON project_calculations (user_id, created_us);

-- A file is deleted with the mesh or calculation it belongs to, and with its project.
CREATE TABLE project_files (
    file_id     BIGINT        NOT NULL PRIMARY KEY,
    project_uid VARCHAR(255)  NOT NULL,
    name        VARCHAR(2000) NOT NULL,
    size        BIGINT        NOT NULL,
    storage_key VARCHAR(1024) NOT NULL,
    role        VARCHAR(32)   NOT NULL,
    mesh_id     BIGINT,
    job_id      BIGINT,
    attached_us BIGINT        NOT NULL,
    deleted     BOOLEAN       NOT NULL
);
CREATE INDEX project_files_project ON project_files (project_uid);
