namespace AsfPlatform.Storage;

/// <summary>
/// The ADO.NET invariant names to put in Orleans' <c>AdoNetGrainStorageOptions.Invariant</c> and
/// <c>AdoNetClusteringSiloOptions.Invariant</c>, and to pass to <see cref="OrleansSchema.EnsureAsync"/>.
/// </summary>
public static class AdoNetInvariants
{
    /// <summary>
    /// SQLite. Orleans maps this name to Microsoft.Data.Sqlite's factory; the name <c>Microsoft.Data.Sqlite</c> itself
    /// is unknown to Orleans 10.4.2 and fails at silo start.
    /// </summary>
    public const string Sqlite = "System.Data.SQLite";

    /// <summary>PostgreSQL through Npgsql.</summary>
    public const string PostgreSql = "Npgsql";
}
