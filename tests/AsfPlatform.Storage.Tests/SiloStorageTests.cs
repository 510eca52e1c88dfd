using System.Data.Common;
using System.Text;
using System.Text.Json;
using AsfPlatform.TestSupport;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AsfPlatform.Storage.Tests;

/// <summary>A row of OrleansStorage as the database holds it.</summary>
public sealed record StoredRow(string StateName, string Key, byte[]? Payload, int Version);

/// <summary>
/// Grain state through a real Orleans silo, Orleans' ADO.NET storage provider and this schema's queries, run once per
/// database. Each test has its own database and stops and starts its silo as a process restart would.
/// </summary>
public abstract class SiloStorageTests
{
    /// <summary>The dialect under test.</summary>
    protected abstract string Invariant { get; }

    /// <summary>A fresh database with the schema in place.</summary>
    protected abstract Task<string> NewDatabaseAsync();

    /// <summary>An open connection to <paramref name="connectionString"/>.</summary>
    protected abstract Task<DbConnection> OpenAsync(string connectionString);

    /// <summary>Drops pooled connections between two silo runs, as a new process would start without them.</summary>
    protected virtual void ForgetConnections()
    {
    }

    [Fact]
    public async Task A_written_state_is_read_back_after_the_silo_restarts()
    {
        var storage = new StorageTarget(Invariant, await NewDatabaseAsync());
        var service = NewServiceId();

        await using (var silo = await TestSilo.StartAsync(storage, service))
        {
            await silo.Grains.GetGrain<IStoredCounterGrain>("restart").Set(42, "forty-two");
        }

        ForgetConnections();
        await using (var silo = await TestSilo.StartAsync(storage, service))
        {
            var state = await silo.Grains.GetGrain<IStoredCounterGrain>("restart").Get();
            Assert.Equal(new CounterSnapshot(42, "forty-two", "1", true), state);
        }
    }

    [Fact]
    public async Task A_write_from_a_stale_activation_gets_InconsistentStateException_and_stores_nothing()
    {
        var database = await NewDatabaseAsync();
        var storage = new StorageTarget(Invariant, database);
        var service = NewServiceId();

        await using (var silo = await TestSilo.StartAsync(storage, service))
        {
            var grain = silo.Grains.GetGrain<IStoredCounterGrain>("stale");
            await grain.Set(1, "first");
            await grain.Set(2, "second");

            Assert.True(await grain.WriteAsStaleActivation("1", 99));
            Assert.True(await grain.WriteAsStaleActivation(null, 98));
            Assert.True(await grain.WriteAsStaleActivation("7", 97));
        }

        var row = Assert.Single(await RowsAsync(database, service));
        Assert.Equal(2, row.Version);
        ForgetConnections();
        await using (var silo = await TestSilo.StartAsync(storage, service))
        {
            Assert.Equal(new CounterSnapshot(2, "second", "2", true), await silo.Grains.GetGrain<IStoredCounterGrain>("stale").Get());
        }
    }

    [Fact]
    public async Task A_grain_that_was_never_written_reads_an_empty_state_and_no_record()
    {
        var storage = new StorageTarget(Invariant, await NewDatabaseAsync());

        await using var silo = await TestSilo.StartAsync(storage, NewServiceId());

        Assert.Equal(new CounterSnapshot(0, "", null, false), await silo.Grains.GetGrain<IStoredCounterGrain>("never").Get());
    }

    [Fact]
    public async Task Clearing_empties_the_state_and_the_next_write_goes_on_from_the_cleared_version()
    {
        var database = await NewDatabaseAsync();
        var storage = new StorageTarget(Invariant, database);
        var service = NewServiceId();

        await using (var silo = await TestSilo.StartAsync(storage, service))
        {
            var grain = silo.Grains.GetGrain<IStoredCounterGrain>("clear");
            await grain.Set(5, "five");
            await grain.Clear();
            Assert.Equal(new CounterSnapshot(0, "", "2", false), await grain.Get());
            Assert.True(await grain.WriteAsStaleActivation("1", 55));
        }

        var cleared = Assert.Single(await RowsAsync(database, service));
        Assert.Null(cleared.Payload);
        ForgetConnections();
        await using (var silo = await TestSilo.StartAsync(storage, service))
        {
            var grain = silo.Grains.GetGrain<IStoredCounterGrain>("clear");
            Assert.Equal(new CounterSnapshot(0, "", "2", false), await grain.Get());
            await grain.Set(6, "six");
            Assert.Equal(new CounterSnapshot(6, "six", "3", true), await grain.Get());
        }
    }

    [Fact]
    public async Task With_DeleteStateOnClear_clearing_removes_the_row_and_the_grain_can_write_again()
    {
        var database = await NewDatabaseAsync();
        var storage = new StorageTarget(Invariant, database, DeleteStateOnClear: true);
        var service = NewServiceId();

        await using var silo = await TestSilo.StartAsync(storage, service);
        var grain = silo.Grains.GetGrain<IStoredCounterGrain>("delete");
        await grain.Set(5, "five");
        await grain.Clear();

        Assert.Empty(await RowsAsync(database, service));
        Assert.Equal(new CounterSnapshot(0, "", null, false), await grain.Get());
        Assert.True(await grain.WriteAsStaleActivation("1", 55));
        Assert.Empty(await RowsAsync(database, service));
        await grain.Set(6, "six");
        Assert.Equal(1, Assert.Single(await RowsAsync(database, service)).Version);
    }

    [Fact]
    public Task Sixty_four_grains_writing_at_once_keep_every_write_across_a_restart()
        => SixtyFourGrainsKeepEveryWriteAsync(oneConnectionAtATime: false);

    /// <summary>64 grains × 20 writes at once, then a restart and a read of every grain.</summary>
    protected async Task SixtyFourGrainsKeepEveryWriteAsync(bool oneConnectionAtATime)
    {
        const int grains = 64;
        const int writesPerGrain = 20;
        var database = await NewDatabaseAsync();
        var storage = new StorageTarget(Invariant, database, OneConnectionAtATime: oneConnectionAtATime);
        var service = NewServiceId();

        await using (var silo = await TestSilo.StartAsync(storage, service))
        {
            // Orleans runs one call at a time per grain, so each grain's writes queue while the 64 grains write at once.
            await Task.WhenAll(Enumerable.Range(0, grains).SelectMany(g =>
                Enumerable.Range(0, writesPerGrain).Select(_ => silo.Grains.GetGrain<IStoredCounterGrain>($"load-{g}").Increment())));
        }

        var rows = await RowsAsync(database, service);
        Assert.Equal(grains, rows.Count);
        Assert.All(rows, r => Assert.Equal(writesPerGrain, r.Version));
        ForgetConnections();
        await using (var silo = await TestSilo.StartAsync(storage, service))
        {
            var values = await Task.WhenAll(Enumerable.Range(0, grains).Select(g => silo.Grains.GetGrain<IStoredCounterGrain>($"load-{g}").Get()));
            Assert.All(values, v => Assert.Equal(new CounterSnapshot(writesPerGrain, "", writesPerGrain.ToString(), true), v));
        }
    }

    [Fact]
    public async Task Two_distinct_non_hex_string_keys_never_share_a_row()
    {
        var database = await NewDatabaseAsync();
        var storage = new StorageTarget(Invariant, database);
        var service = NewServiceId();

        await using (var silo = await TestSilo.StartAsync(storage, service))
        {
            await silo.Grains.GetGrain<IStoredCounterGrain>("kommun/Göteborg").Set(1, "Göteborg");
            await silo.Grains.GetGrain<IStoredCounterGrain>("kommun/Gotland").Set(2, "Gotland");
            await silo.Grains.GetGrain<IStoredCounterGrain>("kommun/Göteborg").Set(3, "Göteborg again");
        }

        var rows = await RowsAsync(database, service);
        Assert.Equal(["kommun/Gotland", "kommun/Göteborg"], rows.Select(r => r.Key).Order(StringComparer.Ordinal));
        ForgetConnections();
        await using (var silo = await TestSilo.StartAsync(storage, service))
        {
            Assert.Equal(new CounterSnapshot(3, "Göteborg again", "2", true), await silo.Grains.GetGrain<IStoredCounterGrain>("kommun/Göteborg").Get());
            Assert.Equal(new CounterSnapshot(2, "Gotland", "1", true), await silo.Grains.GetGrain<IStoredCounterGrain>("kommun/Gotland").Get());
        }
    }

    [Fact]
    public async Task Stored_state_is_plain_JSON_without_type_names()
    {
        var database = await NewDatabaseAsync();
        var service = NewServiceId();

        await using (var silo = await TestSilo.StartAsync(new StorageTarget(Invariant, database), service))
        {
            await silo.Grains.GetGrain<IStoredCounterGrain>("json").Set(7, "sju");
        }

        var row = Assert.Single(await RowsAsync(database, service));
        Assert.Equal("x", row.StateName);
        var json = Encoding.UTF8.GetString(row.Payload!);
        Assert.DoesNotContain("$type", json, StringComparison.Ordinal);
        Assert.DoesNotContain("$id", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(7, document.RootElement.GetProperty("Value").GetInt32());
        Assert.Equal("sju", document.RootElement.GetProperty("Note").GetString());
    }

    /// <summary>A service id of its own, so rows of different tests never meet.</summary>
    protected static string NewServiceId() => "svc-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The storage rows of one service id, ordered by key.</summary>
    protected async Task<List<StoredRow>> RowsAsync(string database, string serviceId)
    {
        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT GrainTypeString, GrainIdExtensionString, PayloadBinary, Version FROM OrleansStorage WHERE ServiceId = @service ORDER BY GrainIdExtensionString;";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "service";
        parameter.Value = serviceId;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<StoredRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new StoredRow(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : (byte[])reader.GetValue(2), Convert.ToInt32(reader.GetValue(3))));
        }

        return rows;
    }
}

/// <summary>Grain state on SQLite files through <see cref="SqliteBusyTimeoutDataSource"/>.</summary>
public sealed class SqliteSiloStorageTests : SiloStorageTests, IDisposable
{
    private readonly List<TempSqliteDatabase> _databases = [];

    protected override string Invariant => AdoNetInvariants.Sqlite;

    protected override async Task<string> NewDatabaseAsync()
    {
        var database = new TempSqliteDatabase("grains");
        _databases.Add(database);
        await OrleansSchema.EnsureAsync(Invariant, database.ConnectionString);
        return database.ConnectionString;
    }

    protected override async Task<DbConnection> OpenAsync(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    [Fact]
    public Task Sixty_four_grains_writing_at_once_through_one_connection_at_a_time_keep_every_write_across_a_restart()
        => SixtyFourGrainsKeepEveryWriteAsync(oneConnectionAtATime: true);

    protected override void ForgetConnections()
    {
        foreach (var database in _databases)
        {
            database.ClearPool();
        }
    }

    public void Dispose()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }
    }
}

/// <summary>Grain state on the test run's PostgreSQL server, a fresh database per test.</summary>
[Collection(PostgresServerFixture.Collection)]
public sealed class PostgresSiloStorageTests(PostgresServerFixture server) : SiloStorageTests
{
    protected override string Invariant => AdoNetInvariants.PostgreSql;

    protected override async Task<string> NewDatabaseAsync()
    {
        var database = await server.CreateDatabaseAsync("asf_grains");
        await OrleansSchema.EnsureAsync(Invariant, database);
        return database;
    }

    protected override async Task<DbConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    protected override void ForgetConnections() => NpgsqlConnection.ClearAllPools();
}
