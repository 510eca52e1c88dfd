using AsfPlatform.Persistence.AdoNet;
using AsfPlatform.Persistence.AdoNet.Hosting;
using AsfPlatform.Runtime;
using AsfPlatform.Runtime.Hosting;
using AsfPlatform.Runtime.Storage;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AsfPlatform.Benchmarks.Storage;

/// <summary>
/// Durable writes per second on SQLite (WAL, synchronous=FULL, a file on the same disk for every case):
/// raw single-row Microsoft.Data.Sqlite transactions, one connection per writer (the baseline), against
/// <see cref="AdoNetGrainStorage"/> called directly and through real grains, with 1 and 64 concurrent writers.
/// Each invocation makes <see cref="WritesPerInvoke"/> acknowledged writes, spread evenly over the writers.
/// Targets (issue 2): storage ≥ 50 % of raw with one writer, above raw with 64.
/// </summary>
[Config(typeof(DurableWriteConfig))]
public class DurableWriteBenchmarks
{
    public const int WritesPerInvoke = 256;

    private readonly SemaphoreSlim _turn = new(1, 1);
    private string _directory = "";
    private SqliteConnection[] _rawConnections = [];
    private SqliteCommand[] _rawCommands = [];
    private AdoNetGrainStorage _storage = null!;
    private GrainState<BenchState>[] _states = [];
    private IHost _host = null!;
    private IStoredCounterGrain[] _grains = [];

    [Params(1, 64)]
    public int Writers { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        // Blocking raw writers each hold a pool thread; don't let thread injection be what the baseline measures.
        ThreadPool.SetMinThreads(Math.Max(Writers * 2, 16), Math.Max(Writers * 2, 16));
        _directory = Directory.CreateTempSubdirectory("asf-bench-storage-").FullName;

        var raw = $"Data Source={Path.Combine(_directory, "raw.db")}";
        _rawConnections = new SqliteConnection[Writers];
        _rawCommands = new SqliteCommand[Writers];
        for (var w = 0; w < Writers; w++)
        {
            var connection = new SqliteConnection(raw);
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;");
            if (w == 0)
            {
                Execute(connection, "CREATE TABLE IF NOT EXISTS raw_state (grain_key TEXT PRIMARY KEY, version INTEGER NOT NULL, payload TEXT) WITHOUT ROWID;");
            }

            var command = connection.CreateCommand();
            command.CommandText =
                "INSERT INTO raw_state (grain_key, version, payload) VALUES ($key, 1, $payload) " +
                "ON CONFLICT (grain_key) DO UPDATE SET version = version + 1, payload = excluded.payload;";
            command.Parameters.AddWithValue("$key", $"k{w}");
            command.Parameters.Add("$payload", SqliteType.Text);
            _rawConnections[w] = connection;
            _rawCommands[w] = command;
        }

        _storage = new AdoNetGrainStorage("bench", new AdoNetGrainStorageOptions
        {
            ConnectionString = $"Data Source={Path.Combine(_directory, "storage.db")}",
        });
        await _storage.InitializeAsync();
        _states = Enumerable.Range(0, Writers).Select(_ => new GrainState<BenchState>(new BenchState())).ToArray();

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseGrainRuntime(silo => silo
            .AddGrain<StoredCounterGrain>()
            .AddAdoNetGrainStorageAsDefault(o => o.ConnectionString = $"Data Source={Path.Combine(_directory, "grains.db")}"));
        _host = builder.Build();
        await _host.StartAsync();
        var factory = _host.Services.GetRequiredService<IGrainFactory>();
        _grains = Enumerable.Range(0, Writers).Select(w => factory.GetGrain<IStoredCounterGrain>($"k{w}")).ToArray();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _storage.DisposeAsync();
        foreach (var command in _rawCommands) command.Dispose();
        foreach (var connection in _rawConnections) connection.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = WritesPerInvoke, Description = "Raw SQLite, one transaction per write")]
    public Task RawSqliteTransactions() => ForEachWriter(w =>
    {
        var command = _rawCommands[w];
        for (var i = 0; i < WritesPerInvoke / Writers; i++)
        {
            using var transaction = _rawConnections[w].BeginTransaction();
            command.Transaction = transaction;
            command.Parameters[1].Value = $$"""{"Value":{{i}},"Note":"bench"}""";
            command.ExecuteNonQuery();
            transaction.Commit();
        }

        return Task.CompletedTask;
    });

    /// <summary>The same single-row transactions, but the writers take turns on one connection instead of
    /// contending for SQLite's write lock (whose busy handler sleeps): the best raw SQLite does without batching.</summary>
    [Benchmark(OperationsPerInvoke = WritesPerInvoke, Description = "Raw SQLite, one transaction per write, writers take turns")]
    public Task RawSqliteTransactionsTakingTurns() => ForEachWriter(async w =>
    {
        var command = _rawCommands[0];
        for (var i = 0; i < WritesPerInvoke / Writers; i++)
        {
            await _turn.WaitAsync();
            try
            {
                using var transaction = _rawConnections[0].BeginTransaction();
                command.Transaction = transaction;
                command.Parameters[0].Value = $"k{w}";
                command.Parameters[1].Value = $$"""{"Value":{{i}},"Note":"bench"}""";
                command.ExecuteNonQuery();
                transaction.Commit();
            }
            finally
            {
                _turn.Release();
            }
        }
    });

    [Benchmark(OperationsPerInvoke = WritesPerInvoke, Description = "AdoNetGrainStorage (group commit)")]
    public Task GrainStorage() => ForEachWriter(async w =>
    {
        var grain = new GrainId("BenchGrain", $"k{w}");
        var state = _states[w];
        for (var i = 0; i < WritesPerInvoke / Writers; i++)
        {
            state.State.Value = i;
            await _storage.WriteStateAsync("state", grain, state);
        }
    });

    [Benchmark(OperationsPerInvoke = WritesPerInvoke, Description = "Grains with [PersistentState] on AdoNetGrainStorage")]
    public Task ThroughGrains() => ForEachWriter(async w =>
    {
        for (var i = 0; i < WritesPerInvoke / Writers; i++)
        {
            await _grains[w].Increment();
        }
    });

    private Task ForEachWriter(Func<int, Task> write) =>
        Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() => write(w))));

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>A grain's small state, as written by the benchmarks.</summary>
public sealed class BenchState
{
    public int Value { get; set; }

    public string Note { get; set; } = "bench";
}

/// <summary>A grain that persists on every call.</summary>
public interface IStoredCounterGrain : IGrainWithStringKey
{
    Task<int> Increment();
}

[GrainType("BenchStoredCounter")]
public sealed class StoredCounterGrain([PersistentState("counter")] IPersistentState<BenchState> counter) : Grain, IStoredCounterGrain
{
    public async Task<int> Increment()
    {
        counter.State.Value++;
        await counter.WriteStateAsync();
        return counter.State.Value;
    }
}
