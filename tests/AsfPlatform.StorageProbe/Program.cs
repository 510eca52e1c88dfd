using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AsfPlatform.Storage;
using AsfPlatform.StorageProbe;
using AsfPlatform.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

// Durable single-row writes per second and their latency: through a real Orleans silo and its ADO.NET grain storage
// (AsfPlatform.Storage's schema and queries), against raw single-row commits on the same database.
// Usage: dotnet run -c Release --project tests/AsfPlatform.StorageProbe -- [--seconds 5] [--only sqlite|postgres] [--min-threads N]
var seconds = IntArgument("--seconds", 5);
var only = StringArgument("--only");
var minThreads = IntArgument("--min-threads", 0);
var rounds = IntArgument("--rounds", 3);
if (minThreads > 0)
{
    ThreadPool.SetMinThreads(minThreads, minThreads);
}

int[] concurrency = [1, 64];
// Each round runs every path once, so a burst of load from elsewhere on the machine hits one round of each path
// rather than all rounds of one; the summary gives the median round.
var results = new List<(string Row, double WritesPerSecond, double P50, double P99, double Max)>();
Console.WriteLine($"# {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {rounds} rounds of {seconds} s per path, thread pool min {(minThreads > 0 ? minThreads.ToString(CultureInfo.InvariantCulture) : "default")}");
Console.WriteLine("| database | path | grains | writes/s | p50 ms | p99 ms | max ms |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
var server = only is null or "postgres" ? await PostgresServer.StartAsync() : null;
for (var round = 1; round <= rounds; round++)
{
    if (only is null or "sqlite")
    {
        await SqliteOrleansAsync("Orleans storage, tuned queries, busy-timeout data source, one connection at a time", tuned: true, dataSource: true, gate: true);
        await SqliteOrleansAsync("Orleans storage, tuned queries, busy-timeout data source", tuned: true, dataSource: true);
        await SqliteOrleansAsync("Orleans storage, tuned queries, plain connection string (150 ms busy sleeps)", tuned: true, dataSource: false);
        await SqliteOrleansAsync("Orleans storage, untuned 3-statement write, plain connection string", tuned: false, dataSource: false);
        await SqliteRawAsync();
    }

    if (server is not null)
    {
        await PostgresOrleansAsync(server, "Orleans storage, tuned queries", autoPrepare: false);
        await PostgresOrleansAsync(server, "Orleans storage, tuned queries, Max Auto Prepare=20", autoPrepare: true);
        await PostgresRawAsync(server);
    }
}

Console.WriteLine();
Console.WriteLine($"## Summary: median round's writes/s, p50 and p99; max = the worst single write in any round");
Console.WriteLine("| database | path | grains | writes/s | p50 ms | p99 ms | max ms |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
foreach (var group in results.GroupBy(r => r.Row))
{
    double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{group.Key} {Median(group.Select(r => r.WritesPerSecond)):F0} | {Median(group.Select(r => r.P50)):F1} | {Median(group.Select(r => r.P99)):F1} | {group.Max(r => r.Max):F1} |"));
}

return 0;

async Task SqliteOrleansAsync(string path, bool tuned, bool dataSource, bool gate = false)
{
    using var database = new TempSqliteDatabase("probe");
    await OrleansSchema.EnsureAsync(AdoNetInvariants.Sqlite, database.ConnectionString);
    if (!tuned)
    {
        await UseUntunedSqliteWriteAsync(database.ConnectionString);
    }

    await using var silo = await StartSiloAsync(o =>
    {
        o.Invariant = AdoNetInvariants.Sqlite;
        if (dataSource)
        {
            o.DataSource = new SqliteBusyTimeoutDataSource(database.ConnectionString, oneConnectionAtATime: gate);
        }
        else
        {
            o.ConnectionString = database.ConnectionString;
        }
    });
    foreach (var grains in concurrency)
    {
        Report("SQLite", path, grains, await MeasureGrainsAsync(silo, grains));
    }
}

async Task PostgresOrleansAsync(PostgresServer server, string path, bool autoPrepare)
{
    var database = await server.CreateDatabaseAsync("probe");
    if (autoPrepare)
    {
        database = new NpgsqlConnectionStringBuilder(database) { MaxAutoPrepare = 20 }.ConnectionString;
    }

    await OrleansSchema.EnsureAsync(AdoNetInvariants.PostgreSql, database);
    await using (var silo = await StartSiloAsync(o =>
    {
        o.Invariant = AdoNetInvariants.PostgreSql;
        o.ConnectionString = database;
    }))
    {
        foreach (var grains in concurrency)
        {
            Report("PostgreSQL", path, grains, await MeasureGrainsAsync(silo, grains));
        }
    }

    await server.DropDatabaseAsync(database);
}

async Task SqliteRawAsync()
{
    using var database = new TempSqliteDatabase("raw");
    await OrleansSchema.EnsureAsync(AdoNetInvariants.Sqlite, database.ConnectionString);
    await using (var setup = new SqliteConnection(database.ConnectionString))
    {
        await setup.OpenAsync();
        await using var create = setup.CreateCommand();
        create.CommandText = "CREATE TABLE raw_probe (id TEXT PRIMARY KEY, payload BLOB NOT NULL, version INTEGER NOT NULL);";
        await create.ExecuteNonQueryAsync();
    }

    foreach (var writers in concurrency)
    {
        var stats = await MeasureRawAsync(writers, async (id, deadline) =>
        {
            await using var connection = new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA busy_timeout = 30000;";
                await pragma.ExecuteNonQueryAsync();
            }

            await using var upsert = connection.CreateCommand();
            upsert.CommandText = "INSERT INTO raw_probe (id, payload, version) VALUES ($id, $payload, 1) " +
                                 "ON CONFLICT (id) DO UPDATE SET payload = excluded.payload, version = version + 1;";
            upsert.Parameters.AddWithValue("$id", id);
            var payload = upsert.Parameters.Add("$payload", SqliteType.Blob);
            upsert.Prepare();
            return await LoopAsync(deadline, () =>
            {
                payload.Value = Payload();
                upsert.ExecuteNonQuery();
                return Task.CompletedTask;
            });
        });
        Report("SQLite", "raw Microsoft.Data.Sqlite upsert, one autocommit per write, prepared", writers, stats);
    }
}

async Task PostgresRawAsync(PostgresServer server)
{
    var database = await server.CreateDatabaseAsync("raw");
    await using (var setup = new NpgsqlConnection(database))
    {
        await setup.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE TABLE raw_probe (id text PRIMARY KEY, payload bytea NOT NULL, version integer NOT NULL);", setup);
        await create.ExecuteNonQueryAsync();
    }

    foreach (var writers in concurrency)
    {
        var stats = await MeasureRawAsync(writers, async (id, deadline) =>
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var upsert = new NpgsqlCommand(
                "INSERT INTO raw_probe (id, payload, version) VALUES (@id, @payload, 1) " +
                "ON CONFLICT (id) DO UPDATE SET payload = EXCLUDED.payload, version = raw_probe.version + 1;", connection);
            upsert.Parameters.AddWithValue("id", id);
            var payload = upsert.Parameters.Add("payload", NpgsqlTypes.NpgsqlDbType.Bytea);
            payload.Value = Payload();
            await upsert.PrepareAsync();
            return await LoopAsync(deadline, async () =>
            {
                payload.Value = Payload();
                await upsert.ExecuteNonQueryAsync();
            });
        });
        Report("PostgreSQL", "raw Npgsql upsert, one autocommit per write, prepared", writers, stats);
    }

    await server.DropDatabaseAsync(database);
}

async Task<(int Writes, TimeSpan Elapsed, double[] Samples)> MeasureGrainsAsync(Silo silo, int grains)
{
    var probes = Enumerable.Range(0, grains).Select(i => silo.Grains.GetGrain<IProbeGrain>($"g{grains}-{i}")).ToArray();
    // Warm-up: activations, first inserts, connection pool and thread pool growth stay out of the figures.
    await Task.WhenAll(probes.Select(p => p.WriteUntil(DateTime.UtcNow.AddSeconds(1))));
    var clock = Stopwatch.StartNew();
    var until = DateTime.UtcNow.AddSeconds(seconds);
    var stats = await Task.WhenAll(probes.Select(p => p.WriteUntil(until)));
    return (stats.Sum(s => s.Writes), clock.Elapsed, stats.SelectMany(s => s.SampleMilliseconds).ToArray());
}

async Task<(int Writes, TimeSpan Elapsed, double[] Samples)> MeasureRawAsync(int writers, Func<string, DateTime, Task<List<double>>> writer)
{
    // Warm-up as for the grains.
    await Task.WhenAll(Enumerable.Range(0, writers).Select(i => Task.Run(() => writer($"w{writers}-{i}", DateTime.UtcNow.AddSeconds(1)))));
    var clock = Stopwatch.StartNew();
    var until = DateTime.UtcNow.AddSeconds(seconds);
    var samples = await Task.WhenAll(Enumerable.Range(0, writers).Select(i =>
        Task.Factory.StartNew(() => writer($"w{writers}-{i}", until), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()));
    return (samples.Sum(s => s.Count), clock.Elapsed, samples.SelectMany(s => s).ToArray());
}

static async Task<List<double>> LoopAsync(DateTime until, Func<Task> write)
{
    var latencies = new List<double>();
    while (DateTime.UtcNow < until)
    {
        var started = Stopwatch.GetTimestamp();
        await write();
        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    return latencies;
}

// The same bytes System.Text.Json writes for ProbeState, so raw and Orleans rows are the same size.
static byte[] Payload() => Encoding.UTF8.GetBytes($"{{\"Value\":{Environment.TickCount},\"Text\":\"{new string('x', 200)}\"}}");

void Report(string database, string path, int grains, (int Writes, TimeSpan Elapsed, double[] Samples) stats)
{
    Array.Sort(stats.Samples);
    double Percentile(double p) => stats.Samples.Length == 0 ? 0 : stats.Samples[Math.Min(stats.Samples.Length - 1, (int)(p * stats.Samples.Length))];
    var row = $"| {database} | {path} | {grains} |";
    var (perSecond, max) = (stats.Writes / stats.Elapsed.TotalSeconds, stats.Samples.Length == 0 ? 0 : stats.Samples[^1]);
    results.Add((row, perSecond, Percentile(0.5), Percentile(0.99), max));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row} {perSecond:F0} | {Percentile(0.5):F1} | {Percentile(0.99):F1} | {max:F1} |"));
}

async Task UseUntunedSqliteWriteAsync(string connectionString)
{
    // The shape of Orleans' own scripts: an UPDATE, an INSERT ... WHERE NOT EXISTS and a SELECT, each its own
    // autocommit transaction and its own write-lock acquisition, none of them prepared.
    const string key = "ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 " +
                       "AND GrainIdN1 = @GrainIdN1 AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '')";
    var untuned = $"""
        UPDATE OrleansStorage SET PayloadBinary = @PayloadBinary, ModifiedOn = CURRENT_TIMESTAMP, Version = Version + 1
        WHERE {key} AND Version = @GrainStateVersion AND @GrainStateVersion IS NOT NULL;
        INSERT INTO OrleansStorage (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, GrainIdHash, GrainTypeHash, PayloadBinary, ModifiedOn, Version)
        SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''), @GrainIdHash, @GrainTypeHash, @PayloadBinary, CURRENT_TIMESTAMP, 1
        WHERE @GrainStateVersion IS NULL AND NOT EXISTS (SELECT 1 FROM OrleansStorage WHERE {key});
        SELECT Version AS NewGrainStateVersion FROM OrleansStorage
        WHERE {key} AND Version = COALESCE(@GrainStateVersion + 1, 1);
        """;
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = "UPDATE OrleansQuery SET QueryText = $text WHERE QueryKey = 'WriteToStorageKey';";
    command.Parameters.AddWithValue("$text", untuned);
    await command.ExecuteNonQueryAsync();
}

async Task<Silo> StartSiloAsync(Action<Orleans.Configuration.AdoNetGrainStorageOptions> storage)
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
    builder.UseOrleans(silo => silo
        .UseLocalhostClustering(FreePort(), FreePort(), null, "probe-" + Guid.NewGuid().ToString("N")[..8], "probe")
        .AddAdoNetGrainStorage("asf", storage)
        .UseSystemTextJsonGrainStorageSerializer());
    var host = builder.Build();
    await host.StartAsync();
    return new Silo(host);
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

int IntArgument(string name, int fallback)
{
    var value = StringArgument(name);
    return value is null ? fallback : int.Parse(value, CultureInfo.InvariantCulture);
}

string? StringArgument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

/// <summary>A started silo host; disposing stops it.</summary>
internal sealed class Silo(IHost host) : IAsyncDisposable
{
    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
