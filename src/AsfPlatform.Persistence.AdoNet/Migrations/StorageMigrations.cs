namespace AsfPlatform.Persistence.AdoNet.Migrations;

/// <summary>The storage schema, oldest step first, shared by every dialect.</summary>
internal static class StorageMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "grain_state keyed by service, grain type, grain key and state name; version is the ETag",
            dialect => $"""
                CREATE TABLE IF NOT EXISTS {StateRows.Table} (
                    service_id TEXT NOT NULL,
                    grain_type TEXT NOT NULL,
                    grain_key TEXT NOT NULL,
                    state_name TEXT NOT NULL,
                    version {dialect.Int64Type} NOT NULL,
                    state_schema_version INTEGER NOT NULL,
                    payload TEXT NULL,
                    PRIMARY KEY (service_id, grain_type, grain_key, state_name)
                ){dialect.KeyedTableOptions};
                """),
    ];
}
