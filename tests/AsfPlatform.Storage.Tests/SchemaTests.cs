using System.Data.Common;
using AsfPlatform.TestSupport;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AsfPlatform.Storage.Tests;

/// <summary>What <see cref="OrleansSchema.EnsureAsync"/> leaves in a real database, run once per dialect.</summary>
public abstract class SchemaTests
{
    private static readonly string[] StorageKeys = ["ClearStorageKey", "DeleteStorageKey", "ReadFromStorageKey", "WriteToStorageKey"];

    private static readonly string[] ClusteringKeys =
    [
        "CleanupDefunctSiloEntriesKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey", "InsertMembershipKey",
        "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey",
    ];

    /// <summary>The dialect under test.</summary>
    protected abstract string Invariant { get; }

    /// <summary>Whether the dialect has membership tables.</summary>
    protected abstract bool HasClustering { get; }

    /// <summary>A fresh, empty database.</summary>
    protected abstract Task<string> NewDatabaseAsync();

    /// <summary>An open connection to <paramref name="connectionString"/>.</summary>
    protected abstract Task<DbConnection> OpenAsync(string connectionString);

    [Fact]
    public async Task Ensuring_the_schema_twice_leaves_one_version_row_and_the_same_query_rows()
    {
        var database = await NewDatabaseAsync();

        await OrleansSchema.EnsureAsync(Invariant, database);
        var first = await QueryRowsAsync(database);
        await OrleansSchema.EnsureAsync(Invariant, database);

        Assert.Equal([(OrleansSchema.Component, OrleansSchema.CurrentVersion)], await VersionRowsAsync(database));
        Assert.Equal(first, await QueryRowsAsync(database));
    }

    [Fact]
    public async Task Two_callers_at_once_on_a_fresh_database_leave_one_version_row_at_the_current_version()
    {
        var database = await NewDatabaseAsync();

        await Task.WhenAll(
            Task.Run(() => OrleansSchema.EnsureAsync(Invariant, database)),
            Task.Run(() => OrleansSchema.EnsureAsync(Invariant, database)));
        var rows = await QueryRowsAsync(database);
        await Task.WhenAll(
            Task.Run(() => OrleansSchema.EnsureAsync(Invariant, database)),
            Task.Run(() => OrleansSchema.EnsureAsync(Invariant, database)));

        Assert.Equal([(OrleansSchema.Component, OrleansSchema.CurrentVersion)], await VersionRowsAsync(database));
        Assert.Equal(rows, await QueryRowsAsync(database));
    }

    [Fact]
    public async Task The_query_table_holds_every_key_the_Orleans_providers_read()
    {
        var database = await NewDatabaseAsync();

        await OrleansSchema.EnsureAsync(Invariant, database);

        var expected = HasClustering ? StorageKeys.Concat(ClusteringKeys) : StorageKeys;
        Assert.Equal(expected.Order(StringComparer.Ordinal), (await QueryRowsAsync(database)).Select(r => r.Key));
    }

    [Fact]
    public async Task A_database_at_a_newer_version_than_this_build_is_refused_and_left_alone()
    {
        var database = await NewDatabaseAsync();
        await OrleansSchema.EnsureAsync(Invariant, database);
        await ExecuteAsync(database, $"UPDATE {OrleansSchema.VersionTable} SET version = {OrleansSchema.CurrentVersion + 1};");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => OrleansSchema.EnsureAsync(Invariant, database));

        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
        Assert.Equal([(OrleansSchema.Component, OrleansSchema.CurrentVersion + 1)], await VersionRowsAsync(database));
    }

    [Fact]
    public void Each_migration_number_up_to_the_current_version_has_exactly_one_file()
    {
        Assert.Equal(Enumerable.Range(1, OrleansSchema.CurrentVersion), OrleansSchema.MigrationsFor(Invariant).Select(m => m.Version));
        Assert.All(OrleansSchema.MigrationsFor(Invariant), m => Assert.StartsWith("-- AsfPlatform.Storage,", m.Sql, StringComparison.Ordinal));
    }

    /// <summary>Runs SQL against the database.</summary>
    protected async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Reads one value.</summary>
    protected async Task<object?> ScalarAsync(string database, string sql)
    {
        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>The version table's rows.</summary>
    protected async Task<List<(string Component, int Version)>> VersionRowsAsync(string database)
    {
        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT component, version FROM {OrleansSchema.VersionTable} ORDER BY component;";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, int)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), Convert.ToInt32(reader.GetValue(1))));
        }

        return rows;
    }

    /// <summary>OrleansQuery's rows, ordered by key.</summary>
    protected async Task<List<KeyValuePair<string, string>>> QueryRowsAsync(string database)
    {
        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT QueryKey, QueryText FROM OrleansQuery;";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<KeyValuePair<string, string>>();
        while (await reader.ReadAsync())
        {
            rows.Add(new(reader.GetString(0), reader.GetString(1)));
        }

        return rows.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
    }
}

/// <summary>The schema on SQLite files.</summary>
public sealed class SqliteSchemaTests : SchemaTests, IDisposable
{
    private readonly List<TempSqliteDatabase> _databases = [];

    protected override string Invariant => AdoNetInvariants.Sqlite;

    protected override bool HasClustering => false;

    protected override Task<string> NewDatabaseAsync()
    {
        var database = new TempSqliteDatabase("schema");
        _databases.Add(database);
        return Task.FromResult(database.ConnectionString);
    }

    protected override async Task<DbConnection> OpenAsync(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    [Fact]
    public async Task The_database_file_is_left_in_WAL_mode_for_every_later_connection()
    {
        var database = await NewDatabaseAsync();

        await OrleansSchema.EnsureAsync(Invariant, database);
        SqliteConnection.ClearAllPools();

        Assert.Equal("wal", await ScalarAsync(database, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task The_Microsoft_Data_Sqlite_invariant_name_is_refused_because_Orleans_does_not_know_it()
    {
        var database = await NewDatabaseAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => OrleansSchema.EnsureAsync("Microsoft.Data.Sqlite", database));
    }

    public void Dispose()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }
    }
}

/// <summary>The schema on the test run's PostgreSQL server, a fresh database per test.</summary>
[Collection(PostgresServerFixture.Collection)]
public sealed class PostgresSchemaTests(PostgresServerFixture server) : SchemaTests
{
    protected override string Invariant => AdoNetInvariants.PostgreSql;

    protected override bool HasClustering => true;

    protected override Task<string> NewDatabaseAsync() => server.CreateDatabaseAsync("asf_schema");

    protected override async Task<DbConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    [Fact]
    public async Task The_write_query_stores_a_states_audit_notes_with_it_once_and_never_with_a_refused_write()
    {
        var database = await NewDatabaseAsync();
        // An audit log written before the outbox: no reason, no entry_id, one row.
        await ExecuteAsync(database, """
            CREATE TABLE asf_audit_log (sequence BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, occurred_at TEXT NOT NULL,
                actor TEXT NOT NULL, entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, action TEXT NOT NULL,
                before_json TEXT NULL, after_json TEXT NULL);
            INSERT INTO asf_audit_log (occurred_at, actor, entity_type, entity_id, action) VALUES ('2024-01-01T00:00:00.0000000Z', 'admin', 'kommun', 'o/k2180', 'äldre');
            """);
        await OrleansSchema.EnsureAsync(Invariant, database);
        await OrleansSchema.EnsureAsync(Invariant, database);

        var note = Guid.NewGuid();
        var state = $$"""{"Version":1,"AuditOutbox":[{"Id":"{{note}}","OccurredAt":"2026-12-02T10:11:12.123456+01:00","Actor":"anna","EntityType":"kommun","EntityId":"o/k2180","Action":"milstolpe registrerad: Policy","BeforeJson":null,"AfterJson":"{\"titel\":\"Policy\"}","Reason":"Rättad"}]}""";

        Assert.Equal(1, await WriteAsync(database, state, version: null));
        Assert.Equal(2, await WriteAsync(database, state, version: 1)); // the same note written again with the next state
        Assert.Null(await WriteAsync(database, state.Replace(note.ToString(), Guid.NewGuid().ToString()), version: 1)); // stale

        await using var connection = await OpenAsync(database);
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT entry_id, occurred_at, actor, action, after_json, reason FROM asf_audit_log ORDER BY sequence";
        await using var reader = await read.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join("|", Enumerable.Range(0, 6).Select(i => reader.IsDBNull(i) ? "null" : reader.GetString(i))));
        Assert.Equal(
        [
            "null|2024-01-01T00:00:00.0000000Z|admin|äldre|null|null",
            $"{note}|2026-12-02T09:11:12.1234560Z|anna|milstolpe registrerad: Policy|{{\"titel\":\"Policy\"}}|Rättad",
        ], rows);
    }

    // The platform's WriteToStorageKey as Orleans' provider runs it (its parameter names); the new version, or null.
    private async Task<int?> WriteAsync(string database, string state, int? version)
    {
        await using var connection = await OpenAsync(database);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey'";
        var text = (string)(await query.ExecuteScalarAsync())!;
        await using var write = new NpgsqlCommand(text, (NpgsqlConnection)connection);
        write.Parameters.AddWithValue("ServiceId", "asf");
        write.Parameters.AddWithValue("GrainTypeString", "municipalfacts");
        write.Parameters.AddWithValue("GrainIdN0", 0L);
        write.Parameters.AddWithValue("GrainIdN1", 0L);
        write.Parameters.AddWithValue("GrainIdExtensionString", "asf.municipalfacts/municipality:k2180");
        write.Parameters.AddWithValue("GrainIdHash", 1);
        write.Parameters.AddWithValue("GrainTypeHash", 2);
        write.Parameters.AddWithValue("PayloadBinary", System.Text.Encoding.UTF8.GetBytes(state));
        write.Parameters.Add(new NpgsqlParameter("GrainStateVersion", NpgsqlTypes.NpgsqlDbType.Integer) { Value = (object?)version ?? DBNull.Value });
        return await write.ExecuteScalarAsync() is int stored ? stored : null;
    }

    [Fact]
    public async Task A_database_at_version_one_gets_the_membership_tables_and_queries_on_upgrade()
    {
        var database = await NewDatabaseAsync();
        await OrleansSchema.EnsureAsync(Invariant, database);
        var complete = await QueryRowsAsync(database);
        await ExecuteAsync(database, """
            DROP TABLE OrleansMembershipTable;
            DROP TABLE OrleansMembershipVersionTable;
            DELETE FROM OrleansQuery WHERE QueryKey NOT LIKE '%StorageKey';
            UPDATE asf_schema_version SET version = 1;
            """);

        await OrleansSchema.EnsureAsync(Invariant, database);

        Assert.Equal([(OrleansSchema.Component, OrleansSchema.CurrentVersion)], await VersionRowsAsync(database));
        Assert.Equal(complete, await QueryRowsAsync(database));
        Assert.Equal(0L, await ScalarAsync(database, "SELECT count(*) FROM OrleansMembershipTable;"));
    }
}
