using System.Data.Common;
using System.Text.Json;
using AsfPlatform.Composition;
using AsfPlatform.Composition.Orleans;
using AsfPlatform.TestSupport;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AsfPlatform.Grains.Tests.Migration;

/// <summary>
/// A database as the platform left it before Orleans: the committed <c>grain_state</c> rows of commit 8e716ee
/// (Fixtures/grain_state-8e716ee.sql) loaded into a fresh SQLite file or a private PostgreSQL database.
/// </summary>
public sealed class LegacyDatabase : IAsyncDisposable
{
    private const string FixtureFile = "Fixtures/grain_state-8e716ee.sql";
    private readonly Func<Task> _drop;

    private LegacyDatabase(AsfStorage storage, Func<Task> drop) => (Storage, _drop) = (storage, drop);

    /// <summary>The database.</summary>
    public AsfStorage Storage { get; }

    /// <summary>A fresh database with the fixture loaded (and <paramref name="extraSql"/> run after it).</summary>
    public static async Task<LegacyDatabase> CreateAsync(bool postgres, string? extraSql = null)
    {
        LegacyDatabase database;
        if (postgres)
        {
            var server = await PostgresServer.StartAsync();
            var connectionString = await server.CreateDatabaseAsync("legacy");
            database = new LegacyDatabase(AsfStorage.PostgreSql(connectionString), () => server.DropDatabaseAsync(connectionString));
        }
        else
        {
            var file = new TempSqliteDatabase("legacy");
            database = new LegacyDatabase(AsfStorage.Sqlite(file.FilePath), () =>
            {
                file.Dispose();
                return Task.CompletedTask;
            });
        }
        await database.ExecuteAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, FixtureFile)));
        if (extraSql is not null) await database.ExecuteAsync(extraSql);
        return database;
    }

    /// <summary>Starts a test cluster on the database with the platform's storage (which carries the old table over).</summary>
    public Task<TestHost> StartAsync() => TestHost.StartAsync(silo => silo.UseAsfStorage(Storage));

    /// <summary>Opens a connection of the database's provider.</summary>
    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = Storage.IsPostgres ? new NpgsqlConnection(Storage.ConnectionString) : new SqliteConnection(Storage.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs a script (several statements, no parameters).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Whether a table of that name exists.</summary>
    public async Task<bool> TableExistsAsync(string table)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Storage.IsPostgres
            ? $"SELECT to_regclass('{table}') IS NOT NULL"
            : $"SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = '{table}'";
        return Convert.ToBoolean(await command.ExecuteScalarAsync());
    }

    /// <summary>The rows of the old table (by now under <paramref name="table"/>), each with its payload read into its
    /// state class.</summary>
    public async Task<IReadOnlyList<LegacyState>> ReadLegacyRowsAsync(string table = LegacyGrainStateMigration.KeptTable)
    {
        var types = LegacyGrainStateMigration.StateTypes();
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT grain_type, grain_key, state_name, payload FROM {table} ORDER BY grain_type, grain_key";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<LegacyState>();
        while (await reader.ReadAsync())
        {
            var (type, key, name, payload) = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
            rows.Add(new LegacyState(type, key, JsonSerializer.Deserialize(payload, types[(type, name)])!));
        }
        return rows;
    }

    /// <summary>Every row of Orleans' storage table (grain, key, version, payload), to compare two moments.</summary>
    public async Task<IReadOnlyList<string>> ReadOrleansRowsAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        // SQLite keeps grain state in the group-commit storage's table, PostgreSQL in Orleans' own.
        command.CommandText = connection is Microsoft.Data.Sqlite.SqliteConnection
            ? "SELECT state_name, grain_id, version, CAST(payload AS BLOB) FROM asf_grain_state ORDER BY state_name, grain_id"
            : "SELECT GrainTypeString, GrainIdExtensionString, Version, PayloadBinary FROM OrleansStorage " +
              "ORDER BY GrainTypeString, GrainIdExtensionString";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add($"{reader.GetString(0)} {reader.GetString(1)} v{reader.GetInt64(2)} {Convert.ToBase64String((byte[])reader.GetValue(3))}");
        return rows;
    }

    /// <summary>Drops the database.</summary>
    public async ValueTask DisposeAsync() => await _drop();
}

/// <summary>One row of the old table: its grain type, its key (without the prefix) and its state.</summary>
public sealed record LegacyState(string GrainType, string Key, object State);
