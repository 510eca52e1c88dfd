-- AsfPlatform.Storage, SQLite migration 003: grain state of the embedded default's group-commit storage.
-- SqliteGroupCommitGrainStorage commits the pending writes of many grains in one transaction (one fsync for all of
-- them), which Orleans' ADO.NET provider cannot: SQLite has one writer, so one commit per grain write made the disk's
-- commit rate the ceiling (docs/BENCHMARKS.md). Rows are keyed by service, state name and the grain id as a string
-- (grain type and key verbatim), so no key is ever read as a number; version is the ETag.
CREATE TABLE IF NOT EXISTS asf_grain_state (
    service_id TEXT    NOT NULL,
    state_name TEXT    NOT NULL,
    grain_id   TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    payload    TEXT    NULL,
    PRIMARY KEY (service_id, state_name, grain_id)
) WITHOUT ROWID;
