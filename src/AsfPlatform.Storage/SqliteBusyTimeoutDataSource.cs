using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace AsfPlatform.Storage;

/// <summary>
/// A data source for Orleans' ADO.NET providers on SQLite (<c>AdoNetGrainStorageOptions.DataSource</c>, instead of
/// <c>ConnectionString</c>) whose connections wait inside SQLite for a locked database.
/// </summary>
/// <remarks>
/// Without a busy timeout Microsoft.Data.Sqlite answers SQLITE_BUSY by sleeping 150 ms and retrying, so a write that
/// meets another writer's lock is delayed by 150 ms steps. SQLite's own busy handler retries within a millisecond or
/// two. The timeout cannot go into the query texts: <c>PRAGMA busy_timeout</c> returns a row, and Orleans hands every
/// row of every result set to its reader, which then fails. Setting it here costs one native call per open and no SQL.
/// </remarks>
public sealed class SqliteBusyTimeoutDataSource : DbDataSource
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim? _gate;

    /// <summary>Creates the data source.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string.</param>
    /// <param name="busyTimeout">How long a statement waits for another connection's lock before failing; 30 s
    /// (Microsoft.Data.Sqlite's default command timeout) when not given.</param>
    /// <param name="oneConnectionAtATime">Hand out one open connection at a time, the others waiting in line
    /// (asynchronously, first come first served) until it is closed. SQLite runs one writer at a time anyway; with many
    /// grains writing at once its busy handler lets waiting writers poll in sleeps of up to 100 ms in no particular
    /// order, so some wait seconds, each blocking a thread. The line keeps the wait fair and off the thread pool. Only
    /// for a process that is the database's sole user of this data source's connections, and only when every
    /// connection is closed after one operation, as Orleans' providers do.</param>
    public SqliteBusyTimeoutDataSource(string connectionString, TimeSpan? busyTimeout = null, bool oneConnectionAtATime = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = connectionString;
        BusyTimeout = busyTimeout ?? TimeSpan.FromSeconds(30);
        if (BusyTimeout < TimeSpan.Zero || BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(busyTimeout), BusyTimeout, "The busy timeout must be between zero and int.MaxValue milliseconds.");
        }

        _gate = oneConnectionAtATime ? new SemaphoreSlim(1, 1) : null;
    }

    /// <summary>How long a statement waits for a lock held by another connection.</summary>
    public TimeSpan BusyTimeout { get; }

    /// <inheritdoc />
    public override string ConnectionString => _connectionString;

    /// <inheritdoc />
    protected override DbConnection CreateDbConnection() => new SqliteConnection(_connectionString);

    /// <inheritdoc />
    protected override DbConnection OpenDbConnection()
    {
        _gate?.Wait();
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            SetBusyTimeout(connection);
            return Gated(connection);
        }
        catch
        {
            connection.Dispose();
            _gate?.Release();
            throw;
        }
    }

    /// <inheritdoc />
    protected override async ValueTask<DbConnection> OpenDbConnectionAsync(CancellationToken cancellationToken = default)
    {
        if (_gate is not null)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            SetBusyTimeout(connection);
            return Gated(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            _gate?.Release();
            throw;
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate?.Dispose();
        }

        base.Dispose(disposing);
    }

    // The next connection in line may open once this one closes (Dispose closes it too).
    private SqliteConnection Gated(SqliteConnection connection)
    {
        if (_gate is { } gate)
        {
            var released = 0;
            connection.StateChange += (_, change) =>
            {
                if (change.CurrentState == System.Data.ConnectionState.Closed && Interlocked.Exchange(ref released, 1) == 0)
                {
                    gate.Release();
                }
            };
        }

        return connection;
    }

    // Pooled connections keep the setting, but a pooled connection may be one some other code opened without it, so
    // every open sets it again; it is a field assignment inside SQLite.
    private void SetBusyTimeout(SqliteConnection connection)
    {
        var rc = SQLitePCL.raw.sqlite3_busy_timeout(connection.Handle, (int)BusyTimeout.TotalMilliseconds);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
    }
}
