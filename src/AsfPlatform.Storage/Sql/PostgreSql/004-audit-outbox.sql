-- AsfPlatform.Storage, PostgreSQL migration 004: a grain state's audit notes commit with the state
-- (docs/adr/0004-audit-outbox.md).
-- A grain that changes its state puts the change's audit note into the state's "AuditOutbox" list in the same turn;
-- the write below inserts those notes into asf_audit_log in the same statement as the versioned upsert, and only when
-- the upsert stored a row: the change and its audit entry are stored together or not at all. A note is stored once
-- (entry_id is unique), however often a state still carrying it is written again.

-- The access module's lock: it creates and upgrades the same table at its first start (AccessSchema).
SELECT pg_advisory_xact_lock(4242001);

-- The audit log as the access module defines it, created here too when this schema is applied first, because the
-- write query below names it. The access module adds its triggers and indexes (CREATE ... IF NOT EXISTS on both sides).
CREATE TABLE IF NOT EXISTS asf_audit_log (
    sequence     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at  TEXT NOT NULL,
    actor        TEXT NOT NULL,
    entity_type  TEXT NOT NULL,
    entity_id    TEXT NOT NULL,
    action       TEXT NOT NULL,
    before_json  TEXT NULL,
    after_json   TEXT NULL
);
ALTER TABLE asf_audit_log ADD COLUMN IF NOT EXISTS reason TEXT NULL;
ALTER TABLE asf_audit_log ADD COLUMN IF NOT EXISTS entry_id TEXT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS ux_asf_audit_log_entry_id ON asf_audit_log(entry_id);

-- The payload is the state as System.Text.Json wrote it (UTF-8); read as json (not jsonb), so text the state may
-- hold anywhere else is never re-parsed into values. The notes keep their order (ordinality), so their sequence
-- numbers follow the order of the changes. Times are stored as the access module stores them (ISO-8601 UTC).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', $q$
WITH written AS (
    INSERT INTO OrleansStorage AS s
        (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, GrainIdHash, GrainTypeHash, PayloadBinary, ModifiedOn, Version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''), @GrainIdHash, @GrainTypeHash, @PayloadBinary, now(), 1
    WHERE @GrainStateVersion IS NULL
       OR EXISTS (SELECT 1 FROM OrleansStorage
                  WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0
                    AND GrainIdN1 = @GrainIdN1 AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, ''))
    ON CONFLICT (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString) DO UPDATE
    SET PayloadBinary = EXCLUDED.PayloadBinary, ModifiedOn = EXCLUDED.ModifiedOn, Version = s.Version + 1
    WHERE s.Version = @GrainStateVersion
    RETURNING s.Version AS NewGrainStateVersion
),
noted AS (
    INSERT INTO asf_audit_log (entry_id, occurred_at, actor, entity_type, entity_id, action, before_json, after_json, reason)
    SELECT n.note ->> 'Id',
           to_char(((n.note ->> 'OccurredAt')::timestamptz) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"0Z"'),
           n.note ->> 'Actor', n.note ->> 'EntityType', n.note ->> 'EntityId', n.note ->> 'Action',
           n.note ->> 'BeforeJson', n.note ->> 'AfterJson', n.note ->> 'Reason'
    FROM written
    CROSS JOIN LATERAL (SELECT convert_from(@PayloadBinary, 'UTF8')::json -> 'AuditOutbox' AS box) AS b
    CROSS JOIN LATERAL json_array_elements(CASE WHEN json_typeof(b.box) = 'array' THEN b.box END)
        WITH ORDINALITY AS n(note, position)
    ORDER BY n.position
    ON CONFLICT (entry_id) DO NOTHING
)
SELECT NewGrainStateVersion FROM written;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
