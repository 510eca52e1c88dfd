using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace AsfPlatform.Persistence.AdoNet.Dialects;

/// <summary>
/// SQLite: WAL journal so readers never block the writer, <c>synchronous=FULL</c> so an acknowledged commit survives
/// a power cut, and a busy timeout so two hosts on one file wait for each other instead of failing.
/// </summary>
internal sealed class SqliteDialect : StorageDialect
{
    public static readonly SqliteDialect Instance = new();

    public override string Invariant => AdoNetGrainStorageOptions.SqliteInvariant;

    public override DbProviderFactory Factory => SqliteFactory.Instance;

    public override string Int64Type => "INTEGER";

    // The rows are found by their composite key only, so the key b-tree can hold them directly.
    public override string KeyedTableOptions => " WITHOUT ROWID";

    public override string PrepareConnectionString(string connectionString, AdoNetGrainStorageOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout; keep it at least the busy timeout.
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds));
        return builder.ConnectionString;
    }

    public override Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken)
        // WAL is a property of the file, so setting it once is enough; it can't be changed inside a transaction.
        => ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);

    public override Task OnOpenedAsync(DbConnection connection, bool writer, CancellationToken cancellationToken)
    {
        // Readers need neither: in WAL mode they don't take the write lock, and Microsoft.Data.Sqlite already retries
        // a busy read until the command timeout. Skipping the pragmas keeps a read to one statement.
        if (!writer)
        {
            return Task.CompletedTask;
        }

        var busyMs = (int)((SqliteConnection)connection).DefaultTimeout * 1000;
        // synchronous is per connection; FULL makes every WAL commit fsync before it is acknowledged.
        return ExecuteAsync(connection, $"PRAGMA busy_timeout={busyMs}; PRAGMA synchronous=FULL;", cancellationToken);
    }
}
