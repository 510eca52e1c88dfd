namespace AsfPlatform.Access;

/// <summary>
/// Where accounts, tokens and the audit log are stored: the same database as the grain storage.
/// </summary>
public sealed class AccessStorageOptions
{
    /// <summary>ADO.NET invariant for SQLite.</summary>
    public const string SqliteInvariant = "Microsoft.Data.Sqlite";

    /// <summary>ADO.NET invariant for PostgreSQL.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary><see cref="SqliteInvariant"/> or <see cref="PostgresInvariant"/>.</summary>
    public string Invariant { get; set; } = SqliteInvariant;

    /// <summary>The ADO.NET connection string.</summary>
    public string ConnectionString { get; set; } = "";
}
