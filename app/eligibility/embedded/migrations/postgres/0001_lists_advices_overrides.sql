-- SPDX-License-Identifier: EUPL-1.2
-- The embedded engine's store on PostgreSQL: source lists by version, issued advices, overrides.

-- The installation key's check (HMAC of a fixed text): every instance must use the same key,
-- or its pseudonyms would match nobody. The first instance records it; another is refused.
CREATE TABLE installation (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    key_check bytea NOT NULL
);

-- Each list points at its current version; an import writes a new version's rows and then
-- switches the pointer in the same transaction, so readers see the old list or the new, whole.
CREATE TABLE source_lists (
    name text PRIMARY KEY,
    version_id bigint NOT NULL UNIQUE,
    as_of date NOT NULL,
    imported_at timestamptz NOT NULL,
    row_count bigint NOT NULL,
    key_check bytea NOT NULL,  -- HMAC of a fixed text: which installation key made the rows
    columns text NOT NULL      -- JSON array of the other columns' names
);
CREATE SEQUENCE source_version_ids;
CREATE TABLE source_rows (
    version_id bigint NOT NULL,
    pseudonym bytea NOT NULL,  -- HMAC-SHA256(installation key, national number)
    valid_from date,
    valid_to date,
    columns text               -- JSON object of the row's non-empty other cells
);
-- One seek finds a person on every list.
CREATE INDEX source_rows_by_person ON source_rows (pseudonym, version_id);

CREATE TABLE issued_advices (
    advice_id text PRIMARY KEY,
    service text NOT NULL,
    outcome_code text NOT NULL,
    pseudonym bytea NOT NULL,
    decided_at timestamptz NOT NULL,
    rule_version text,
    grounds text  -- the fact codes that held, space-separated (codes, never values)
);
CREATE TABLE overrides (
    idempotency_key text PRIMARY KEY,
    body_hash bytea NOT NULL,
    override_id text NOT NULL UNIQUE,
    advice_id text,
    service text NOT NULL,
    outcome_code text NOT NULL,
    reason_code text NOT NULL,
    reason_text text NOT NULL,
    staff_id text NOT NULL,
    desk text NOT NULL,
    decided_at timestamptz NOT NULL,
    pseudonym bytea NOT NULL,
    recorded_at timestamptz NOT NULL
);
