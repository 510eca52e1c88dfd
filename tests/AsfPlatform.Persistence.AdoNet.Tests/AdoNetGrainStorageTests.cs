using System.Data.Common;
using System.Text.Json;
using AsfPlatform.Runtime;
using AsfPlatform.Runtime.Storage;

namespace AsfPlatform.Persistence.AdoNet.Tests;

/// <summary>The conformance tests plus what only a database storage can show: schema, payload format, group commit,
/// failure isolation and several hosts on one database. Subclassed per database.</summary>
public abstract class AdoNetGrainStorageTests : GrainStorageConformanceTests
{
    private readonly List<AdoNetGrainStorage> _extraStorages = [];

    /// <summary>Every test has its own service id, so tests sharing a database never see each other's rows.</summary>
    protected string ServiceId { get; } = "svc-" + Guid.NewGuid().ToString("N")[..8];

    protected abstract string Invariant { get; }

    protected abstract string ConnectionString { get; }

    protected abstract DbProviderFactory Factory { get; }

    /// <summary>SQL that makes every insert or update of grain key 'poison' fail, as a disk or constraint error would.</summary>
    protected abstract string PoisonTriggerSql { get; }

    /// <summary>A connection string whose database can't be opened.</summary>
    protected abstract string UnreachableConnectionString { get; }

    /// <summary>A connection string to a new, empty database.</summary>
    protected abstract Task<string> FreshDatabaseAsync();

    protected override Task<IGrainStorage> CreateStorageAsync() => Task.FromResult<IGrainStorage>(NewStorage(track: false));

    public override async Task DisposeAsync()
    {
        foreach (var storage in _extraStorages)
        {
            await storage.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    protected AdoNetGrainStorage NewStorage(Action<AdoNetGrainStorageOptions>? configure = null, string? connectionString = null, bool track = true)
    {
        var options = new AdoNetGrainStorageOptions { Invariant = Invariant, ConnectionString = connectionString ?? ConnectionString, ServiceId = ServiceId };
        configure?.Invoke(options);
        var storage = new AdoNetGrainStorage("Test", options);
        if (track) _extraStorages.Add(storage);
        return storage;
    }

    protected async Task<object?> ScalarAsync(string sql, string? connectionString = null)
    {
        await using var connection = Factory.CreateConnection()!;
        connection.ConnectionString = connectionString ?? ConnectionString;
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task Schema_migration_runs_twice_harmlessly_and_records_its_version()
    {
        var database = await FreshDatabaseAsync();
        var first = NewStorage(connectionString: database);
        await first.InitializeAsync();
        await first.WriteStateAsync(StateName, Grain("k-migr"), NewState(3));
        await first.DisposeAsync();

        var second = NewStorage(connectionString: database);
        await second.InitializeAsync();
        await second.InitializeAsync();

        Assert.Equal(1, second.SchemaVersion);
        Assert.Equal(1L, Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM grain_storage_schema", database)));
        Assert.Equal(1L, Convert.ToInt64(await ScalarAsync("SELECT MAX(version) FROM grain_storage_schema", database)));
        var state = NewState();
        await second.ReadStateAsync(StateName, Grain("k-migr"), state);
        Assert.Equal(3, state.State.Value);
    }

    [Fact]
    public async Task Hosts_starting_at_once_apply_each_migration_once()
    {
        var database = await FreshDatabaseAsync();
        var hosts = Enumerable.Range(0, 4).Select(_ => NewStorage(connectionString: database)).ToList();

        await Task.WhenAll(hosts.Select(h => Task.Run(() => h.InitializeAsync())));

        Assert.All(hosts, h => Assert.Equal(1, h.SchemaVersion));
        Assert.Equal(1L, Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM grain_storage_schema", database)));
    }

    [Fact]
    public async Task A_state_schema_version_is_written_beside_a_json_payload_without_type_names()
    {
        var storage = NewStorage(o => o.StateSchemaVersion = t => t == typeof(CounterState) ? 3 : 1);
        await storage.WriteStateAsync(StateName, Grain("k-schema"), NewState(4, "x"));

        var version = await ScalarAsync($"SELECT state_schema_version FROM grain_state WHERE service_id = '{ServiceId}' AND grain_key = 'k-schema'");
        var payload = (string)(await ScalarAsync($"SELECT payload FROM grain_state WHERE service_id = '{ServiceId}' AND grain_key = 'k-schema'"))!;

        Assert.Equal(3L, Convert.ToInt64(version));
        using var json = JsonDocument.Parse(payload);
        Assert.Equal(4, json.RootElement.GetProperty("Value").GetInt32());
        Assert.DoesNotContain("$type", payload);
        Assert.DoesNotContain(nameof(CounterState), payload);
    }

    [Fact]
    public async Task A_state_written_by_a_newer_schema_version_is_refused_rather_than_misread()
    {
        var newer = NewStorage(o => o.StateSchemaVersion = _ => 2);
        await newer.WriteStateAsync(StateName, Grain("k-newer"), NewState(4));

        var older = NewStorage(o => o.StateSchemaVersion = _ => 1);
        var error = await Assert.ThrowsAsync<GrainStorageException>(() => older.ReadStateAsync(StateName, Grain("k-newer"), NewState()));

        Assert.Contains("schemaversion 2", error.Message);
        Assert.Contains("k-newer", error.Message);
    }

    [Fact]
    public async Task Concurrent_writes_from_many_grains_share_transactions()
    {
        var storage = NewStorage();
        await storage.InitializeAsync();
        var states = Enumerable.Range(0, 64).Select(i => (Grain: Grain($"k-group-{i}"), State: NewState(i))).ToList();

        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(states.Select(s => storage.WriteStateAsync(StateName, s.Grain, s.State)));
        }

        // 192 durable writes; one transaction each would be 192 commits.
        Assert.True(storage.CommitCount < 192 / 2, $"{storage.CommitCount} commits for 192 writes");
    }

    [Fact]
    public async Task A_failing_write_fails_only_its_own_caller_and_names_grain_state_and_operation()
    {
        var storage = NewStorage();
        await storage.InitializeAsync();
        await using (var connection = Factory.CreateConnection()!)
        {
            connection.ConnectionString = ConnectionString;
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = PoisonTriggerSql;
            await command.ExecuteNonQueryAsync();
        }

        var healthy = Enumerable.Range(0, 20).Select(i => storage.WriteStateAsync(StateName, Grain($"k-healthy-{i}"), NewState(i))).ToList();
        var poisoned = storage.WriteStateAsync("plan", Grain("poison", "PlanGrain"), NewState(1));

        var error = await Assert.ThrowsAsync<GrainStorageException>(() => poisoned);
        await Task.WhenAll(healthy);
        Assert.Contains("PlanGrain/poison", error.Message);
        Assert.Contains("'plan'", error.Message);
        Assert.Contains("WriteState", error.Message);
        Assert.Equal(19, (await ReadAsync(Grain("k-healthy-19"))).State.Value);
        Assert.False((await ReadAsync(Grain("poison", "PlanGrain"), "plan")).RecordExists);
    }

    [Fact]
    public async Task Two_hosts_on_one_database_never_lose_an_update()
    {
        const int incrementsPerHost = 15;
        var hosts = new[] { NewStorage(), NewStorage() };
        var grain = Grain("k-shared");

        async Task Increment(AdoNetGrainStorage host)
        {
            for (var done = 0; done < incrementsPerHost;)
            {
                var state = NewState();
                await host.ReadStateAsync(StateName, grain, state);
                state.State.Value++;
                try
                {
                    await host.WriteStateAsync(StateName, grain, state);
                    done++;
                }
                catch (InconsistentStateException)
                {
                    // The other host got there first: reload and retry, as the runtime does after dropping the activation.
                }
            }
        }

        await Task.WhenAll(hosts.Select(h => Task.Run(() => Increment(h))));

        Assert.Equal(2 * incrementsPerHost, (await ReadAsync(grain)).State.Value);
    }

    [Fact]
    public async Task An_unreachable_database_fails_with_a_storage_error_naming_grain_state_and_operation()
    {
        var storage = NewStorage(connectionString: UnreachableConnectionString);

        var read = await Assert.ThrowsAsync<GrainStorageException>(() => storage.ReadStateAsync("plan", Grain("k2180", "PlanGrain"), NewState()));
        var write = await Assert.ThrowsAsync<GrainStorageException>(() => storage.WriteStateAsync("plan", Grain("k2180", "PlanGrain"), NewState()));

        Assert.Contains("PlanGrain/k2180", read.Message);
        Assert.Contains("'plan'", read.Message);
        Assert.Contains("ReadState", read.Message);
        Assert.Contains("WriteState", write.Message);
    }

    [Fact]
    public void Options_without_a_connection_string_are_refused_with_a_clear_message()
    {
        var error = Assert.Throws<ArgumentException>(() => new AdoNetGrainStorage("Default", new AdoNetGrainStorageOptions { Invariant = Invariant }));
        Assert.Contains("ConnectionString", error.Message);
    }

    [Fact]
    public void An_unknown_provider_is_refused_with_a_clear_message()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new AdoNetGrainStorage("Default", new AdoNetGrainStorageOptions { Invariant = "System.Data.SqlClient", ConnectionString = "x" }));
        Assert.Contains("System.Data.SqlClient", error.Message);
    }
}
