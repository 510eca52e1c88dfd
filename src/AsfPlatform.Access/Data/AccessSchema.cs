namespace AsfPlatform.Access.Data;

/// <summary>
/// DDL of the access tables, one text for both databases except the identity column and the triggers. The audit log
/// refuses UPDATE and DELETE through triggers, so "append-only" holds even against a careless future query.
/// <c>asf_access_revision</c> is one counter raised in the same transaction as every change that can end an
/// authentication (token revoked, account changed), so every host's token cache sees the change on its next lookup.
/// <c>asf_dataprotection_keys</c> holds ASP.NET Core Data Protection's key ring, shared by every host on the database.
/// </summary>
internal static class AccessSchema
{
    /// <summary>
    /// Columns added to tables that already exist in installed databases. They are always added with ALTER TABLE
    /// (never in the CREATE TABLE below), so a new database and an upgraded one take the same path; each is
    /// nullable or has a default, so existing rows keep their meaning (owner null: an installation-wide account).
    /// PostgreSQL adds them with IF NOT EXISTS; SQLite has no such clause, so <see cref="AccessDatabase"/> adds the
    /// missing ones it finds in <c>pragma_table_info</c>.
    /// </summary>
    // Declared before the scripts: static initializers run in text order and the scripts read this list.
    public static IReadOnlyList<(string Table, string Column, string Definition)> AddedColumns { get; } =
    [
        ("asf_access_users", "owner", "TEXT NULL"),
        ("asf_access_users", "must_change_password", "INTEGER NOT NULL DEFAULT 0"),
        ("asf_audit_log", "reason", "TEXT NULL"), // why a recorded fact was corrected or removed
        // The id of the note a grain's outbox carried (docs/adr/0004-audit-outbox.md); null in rows written otherwise.
        ("asf_audit_log", "entry_id", "TEXT NULL"),
    ];

    /// <summary>
    /// DDL that needs the added columns, run after them on both databases: a note is stored once however often a
    /// grain state carrying it is written (NULLs, the rows of accounts, tokens and older entries, never collide).
    /// </summary>
    public const string AfterAddedColumns =
        "CREATE UNIQUE INDEX IF NOT EXISTS ux_asf_audit_log_entry_id ON asf_audit_log(entry_id);\n";

    public static string Sqlite { get; } = Tables("INTEGER PRIMARY KEY AUTOINCREMENT") + """
        CREATE TRIGGER IF NOT EXISTS asf_audit_log_no_update BEFORE UPDATE ON asf_audit_log
        BEGIN SELECT RAISE(ABORT, 'asf_audit_log is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS asf_audit_log_no_delete BEFORE DELETE ON asf_audit_log
        BEGIN SELECT RAISE(ABORT, 'asf_audit_log is append-only'); END;
        """;

    // The advisory lock serialises concurrent first starts of several hosts on one database.
    public static string PostgreSql { get; } = "SELECT pg_advisory_xact_lock(4242001);\n"
        + Tables("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY")
        + string.Concat(AddedColumns.Select(c => $"ALTER TABLE {c.Table} ADD COLUMN IF NOT EXISTS {c.Column} {c.Definition};\n"))
        + AfterAddedColumns
        + """
        CREATE OR REPLACE FUNCTION asf_audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'asf_audit_log is append-only'; END $$;
        DROP TRIGGER IF EXISTS asf_audit_log_append_only ON asf_audit_log;
        CREATE TRIGGER asf_audit_log_append_only BEFORE UPDATE OR DELETE ON asf_audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION asf_audit_log_refuse_change();
        """;

    // asf_audit_log: AsfPlatform.Storage's PostgreSQL migration 004 creates the same table (with reason and entry_id)
    // when it is applied first, because its grain write query inserts audit notes into it; keep the two alike.
    private static string Tables(string identityColumn) => $"""
        CREATE TABLE IF NOT EXISTS asf_access_users (
            user_name      TEXT NOT NULL PRIMARY KEY,
            display_name   TEXT NOT NULL,
            role           TEXT NOT NULL,
            organisation   TEXT NULL,
            password_hash  TEXT NOT NULL,
            disabled       INTEGER NOT NULL DEFAULT 0,
            created_at     TEXT NOT NULL,
            security_stamp TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS asf_access_setup (
            step         TEXT NOT NULL PRIMARY KEY,
            completed_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS asf_access_tokens (
            token_id    TEXT NOT NULL PRIMARY KEY,
            user_name   TEXT NOT NULL REFERENCES asf_access_users(user_name),
            name        TEXT NOT NULL,
            prefix      TEXT NOT NULL,
            token_hash  TEXT NOT NULL UNIQUE,
            created_at  TEXT NOT NULL,
            revoked_at  TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_asf_access_tokens_user ON asf_access_tokens(user_name);
        CREATE TABLE IF NOT EXISTS asf_audit_log (
            sequence     {identityColumn},
            occurred_at  TEXT NOT NULL,
            actor        TEXT NOT NULL,
            entity_type  TEXT NOT NULL,
            entity_id    TEXT NOT NULL,
            action       TEXT NOT NULL,
            before_json  TEXT NULL,
            after_json   TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_asf_audit_log_entity ON asf_audit_log(entity_type, entity_id, sequence);
        CREATE TABLE IF NOT EXISTS asf_access_revision (
            id       INTEGER NOT NULL PRIMARY KEY,
            revision BIGINT NOT NULL
        );
        INSERT INTO asf_access_revision (id, revision) VALUES (1, 0) ON CONFLICT DO NOTHING;
        CREATE TABLE IF NOT EXISTS asf_dataprotection_keys (
            friendly_name TEXT NOT NULL PRIMARY KEY,
            xml           TEXT NOT NULL,
            created_at    TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS asf_signin_failures (
            partition_key TEXT NOT NULL PRIMARY KEY,
            window_start  BIGINT NOT NULL,
            failures      INTEGER NOT NULL
        );

        """;
}
