using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AsfPlatform.Access.Data;

/// <summary>
/// Opens connections to the access tables and creates them on first use, for SQLite and PostgreSQL alike.
/// Times are stored as ISO-8601 UTC text in both, so ordering and round-trips behave the same everywhere.
/// </summary>
internal sealed class AccessDatabase(IOptions<AccessStorageOptions> options)
{
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    public bool IsPostgres => options.Value.Invariant == AccessStorageOptions.PostgresInvariant;

    /// <summary>Opens a connection, creating the schema the first time.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = CreateConnection();
        try
        {
            if (!_schemaReady && connection is SqliteConnection sqlite)
            {
                // SQLite creates the file but not its folder (e.g. a fresh clone's .asf/).
                var directory = Path.GetDirectoryName(Path.GetFullPath(sqlite.DataSource));
                if (!string.IsNullOrEmpty(directory))
                    Directory.CreateDirectory(directory);
            }
            await connection.OpenAsync(cancellationToken);
            if (connection is SqliteConnection)
            {
                // Without SQLite's own busy handler, Microsoft.Data.Sqlite answers a locked database (the grain
                // storage's writer committing) by sleeping 150 ms before retrying, which capped every audited write.
                // synchronous=FULL: an acknowledged audit entry survives a power loss, as grain state does.
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA busy_timeout=30000; PRAGMA synchronous=FULL;";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }
            if (!_schemaReady)
                await EnsureSchemaAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Checks that the database answers (for /healthz).</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken)) == 1;
    }

    private DbConnection CreateConnection()
    {
        var value = options.Value;
        if (string.IsNullOrWhiteSpace(value.ConnectionString))
            throw new InvalidOperationException("Storage:ConnectionString is not set for the access module.");
        return value.Invariant switch
        {
            AccessStorageOptions.SqliteInvariant => new SqliteConnection(value.ConnectionString),
            AccessStorageOptions.PostgresInvariant => new NpgsqlConnection(value.ConnectionString),
            _ => throw new InvalidOperationException(
                $"Unknown storage invariant '{value.Invariant}' (expected Microsoft.Data.Sqlite or Npgsql)."),
        };
    }

    private async Task EnsureSchemaAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await _schemaGate.WaitAsync(cancellationToken);
        try
        {
            if (_schemaReady)
                return;
            await using var command = connection.CreateCommand();
            command.CommandText = IsPostgres ? AccessSchema.PostgreSql : AccessSchema.Sqlite;
            await command.ExecuteNonQueryAsync(cancellationToken);
            if (!IsPostgres)
            {
                await AddMissingSqliteColumnsAsync(connection, cancellationToken);
                await using var after = connection.CreateCommand();
                after.CommandText = AccessSchema.AfterAddedColumns;
                await after.ExecuteNonQueryAsync(cancellationToken);
            }
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    private static async Task AddMissingSqliteColumnsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        foreach (var (table, column, definition) in AccessSchema.AddedColumns)
        {
            await using var exists = connection.CreateCommand();
            exists.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken)) > 0)
                continue;
            await using var alter = connection.CreateCommand();
            alter.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {definition}";
            try
            {
                await alter.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException exception) when (exception.Message.Contains("duplicate column", StringComparison.OrdinalIgnoreCase))
            {
                // Another process (the asf command beside the host) added it between the check and here.
            }
        }
    }

    public static string Now() => Format(DateTimeOffset.UtcNow);

    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'");

    public static DateTimeOffset ParseTime(string value) =>
        DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal);
}
