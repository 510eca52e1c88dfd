-- AsfPlatform.Storage, PostgreSQL migration 001: grain storage for Orleans' ADO.NET provider
-- (Microsoft.Orleans.Persistence.AdoNet 10.4.2, invariant "Npgsql").
--
-- Where the shape comes from: the provider ships no SQL. At silo start it runs
--   SELECT QueryKey, QueryText FROM OrleansQuery
--   WHERE QueryKey IN ('WriteToStorageKey', 'ReadFromStorageKey', 'ClearStorageKey', 'DeleteStorageKey')
-- and then binds these parameters to every query: @GrainIdHash (int), @GrainIdN0, @GrainIdN1 (bigint),
-- @GrainTypeHash (int), @GrainTypeString (the state name), @GrainIdExtensionString (NULL for plain long/GUID keys; the
-- whole key for string keys), @ServiceId; writes, clears and deletes add @GrainStateVersion (NULL for a grain that
-- has no row yet); writes add @PayloadBinary. It reads: PayloadBinary and Version (read), NewGrainStateVersion
-- (write), column 0 (clear, delete). A row whose version it gets back equal to the one it sent, or no row, or NULL,
-- is a version conflict (InconsistentStateException). Orleans' own PostgreSQL-Persistence.sql uses the same names.
-- Unquoted names fold to lower case; Npgsql finds result columns case-insensitively, so Orleans' names still match.
--
-- Our choices: one statement per operation, the version check inside it (RETURNING gives the new version, no row
-- means conflict), no stored functions, and the real key as the primary key instead of Orleans' hash index plus
-- string comparison. A NULL key extension is stored as '' so the primary key can hold it.
-- Query texts are dollar-quoted ($q$ ... $q$) so they read as plain SQL.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    ServiceId              text        NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainIdExtensionString text        NOT NULL,
    -- Kept for tools that look rows up the way Orleans' own scripts do; nothing here reads them.
    GrainIdHash            integer     NOT NULL,
    GrainTypeHash          integer     NOT NULL,
    -- NULL after a clear (the row and its version stay, so a stale writer still conflicts).
    PayloadBinary          bytea       NULL,
    ModifiedOn             timestamptz NOT NULL,
    Version                integer     NOT NULL,
    PRIMARY KEY (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
);

-- Insert when the grain has no version yet; otherwise update only the row at the grain's version. The WHERE on the
-- SELECT keeps a grain that believes it has a row (version given) from recreating one that was deleted under it.
-- Two first writes racing on one key: the second waits for the first's insert, then fails the version check.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', $q$
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
RETURNING s.Version AS NewGrainStateVersion;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', $q$
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1 AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '');
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', $q$
UPDATE OrleansStorage
SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1 AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '')
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Used when AdoNetGrainStorageOptions.DeleteStateOnClear is true. Orleans wants a value that differs from the
-- version it sent, hence Version + 1.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', $q$
DELETE FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1 AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '')
  AND Version = @GrainStateVersion
RETURNING Version + 1 AS NewGrainStateVersion;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
