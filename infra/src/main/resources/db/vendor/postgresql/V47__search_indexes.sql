-- The admin search box (admin/search) matches the start of logins, emails and project uids with
-- LIKE 'term%'. PostgreSQL serves such a pattern from a B-tree index only under the C collation,
-- or from an index with the pattern operator class, which these are (any database collation).
CREATE INDEX users_login_prefix ON users (login text_pattern_ops);
CREATE INDEX users_email_prefix ON users (email text_pattern_ops);
CREATE INDEX project_versions_current_uid_prefix ON project_versions (project_uid text_pattern_ops)
    WHERE valid_to_us IS NULL;
