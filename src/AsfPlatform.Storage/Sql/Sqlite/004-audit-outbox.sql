-- AsfPlatform.Storage, SQLite migration 004: nothing to create.
-- On SQLite the group-commit grain storage (SqliteGroupCommitGrainStorage) inserts a state's audit notes into
-- asf_audit_log itself, in the transaction that writes the state (docs/adr/0004-audit-outbox.md); the audit table
-- is the access module's and is created before the first grain write. The file keeps migration numbers the same on
-- every database.
SELECT 1;
