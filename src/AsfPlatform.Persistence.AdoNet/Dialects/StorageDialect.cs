using System.Data.Common;

namespace AsfPlatform.Persistence.AdoNet.Dialects;

/// <summary>What differs between databases: the provider, connection set-up, DDL and the migration lock.
/// The row statements themselves are plain SQL that both SQLite and PostgreSQL accept.</summary>
internal abstract class StorageDialect
{
    public abstract string Invariant { get; }

    public abstract DbProviderFactory Factory { get; }

    /// <summary>Column type of a 64-bit integer.</summary>
    public abstract string Int64Type { get; }

    /// <summary>Options appended to CREATE TABLE for tables with a composite primary key.</summary>
    public virtual string KeyedTableOptions => "";

    /// <summary>Adjusts the connection string (pooling, timeouts) before any connection is opened.</summary>
    public virtual string PrepareConnectionString(string connectionString, AdoNetGrainStorageOptions options) => connectionString;

    /// <summary>Runs once per database before migrations, outside any transaction (e.g. SQLite's journal mode).</summary>
    public virtual Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs on every opened connection; <paramref name="writer"/> is true for the group-commit connection.</summary>
    public virtual Task OnOpenedAsync(DbConnection connection, bool writer, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Serializes migrations across hosts that start at once; called inside the migration transaction.</summary>
    public virtual Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        => Task.CompletedTask;

    public static StorageDialect For(string invariant) => invariant switch
    {
        AdoNetGrainStorageOptions.SqliteInvariant => SqliteDialect.Instance,
        AdoNetGrainStorageOptions.PostgresInvariant => PostgresDialect.Instance,
        _ => throw new ArgumentException(
            $"Okänd databasleverantör '{invariant}' i AdoNetGrainStorageOptions.Invariant; använd " +
            $"'{AdoNetGrainStorageOptions.SqliteInvariant}' eller '{AdoNetGrainStorageOptions.PostgresInvariant}'.",
            nameof(invariant)),
    };

    protected static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
