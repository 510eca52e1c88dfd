using System.Text.Json;

namespace AsfPlatform.Persistence.AdoNet;

/// <summary>Settings of one <see cref="AdoNetGrainStorage"/> (Orleans' <c>AdoNetGrainStorageOptions</c>).</summary>
public sealed class AdoNetGrainStorageOptions
{
    /// <summary>Invariant name of the SQLite provider.</summary>
    public const string SqliteInvariant = "Microsoft.Data.Sqlite";

    /// <summary>Invariant name of the PostgreSQL provider.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>ADO.NET provider: <see cref="SqliteInvariant"/> or <see cref="PostgresInvariant"/>.</summary>
    public string Invariant { get; set; } = SqliteInvariant;

    /// <summary>Connection string of the database, e.g. <c>Data Source=asf.db</c> or <c>Host=...;Database=...</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Service id stored in every row; null takes <c>GrainRuntimeOptions.ServiceId</c>.</summary>
    public string? ServiceId { get; set; }

    /// <summary>How long SQLite waits for another process's write lock before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound of writes committed in one transaction by the group-commit writer.</summary>
    public int MaxWritesPerCommit { get; set; } = 256;

    /// <summary>Serializer settings for state payloads. No type names are written, so payloads survive renames.</summary>
    public JsonSerializerOptions JsonSerializerOptions { get; set; } = new(JsonSerializerDefaults.General);

    /// <summary>
    /// Schema version of a state type, stored beside each payload. Raise it when a state's shape changes
    /// incompatibly; a row written by a newer version is refused instead of being misread.
    /// </summary>
    public Func<Type, int> StateSchemaVersion { get; set; } = static _ => 1;
}
