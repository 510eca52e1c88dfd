using AsfPlatform.Persistence.AdoNet;
using AsfPlatform.Persistence.AdoNet.Hosting;
using AsfPlatform.Runtime.Hosting;
using AsfPlatform.TestSupport;
using Xunit.Abstractions;

namespace AsfPlatform.Runtime.Tests;

public sealed class SqliteCounterScenarios(ITestOutputHelper output) : CounterScenarios(output), IDisposable
{
    private readonly List<TempSqliteDatabase> _databases = [];

    protected override Task<Action<ISiloBuilder>?> ConfigureStorageAsync(string name)
    {
        var database = new TempSqliteDatabase(name);
        _databases.Add(database);
        return Task.FromResult<Action<ISiloBuilder>?>(silo => silo.AddAdoNetGrainStorage(
            ProviderConstants.DefaultStorageProviderName,
            o =>
            {
                o.Invariant = AdoNetGrainStorageOptions.SqliteInvariant;
                o.ConnectionString = database.ConnectionString;
            }));
    }

    public void Dispose()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }
    }
}

[CollectionDefinition(PostgresServerFixture.Collection)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>;

[Collection(PostgresServerFixture.Collection)]
public sealed class PostgresCounterScenarios(PostgresServerFixture postgres, ITestOutputHelper output) : CounterScenarios(output)
{
    /// <summary>Each increment is one durable commit to PostgreSQL (about 3.5 ms on the shared 2-core CI machine),
    /// so the full 64 x 1,000 takes close to 4 minutes; the default run does 64 x 100 and ASF_FULL_SCENARIOS=1
    /// runs the full count.</summary>
    protected override int IncrementsPerCaller =>
        Environment.GetEnvironmentVariable("ASF_FULL_SCENARIOS") == "1" ? 1000 : 100;

    protected override async Task<Action<ISiloBuilder>?> ConfigureStorageAsync(string name)
    {
        var connectionString = await postgres.CreateDatabaseAsync($"runtime_{name}");
        return silo => silo.AddAdoNetGrainStorage(
            ProviderConstants.DefaultStorageProviderName,
            o =>
            {
                o.Invariant = AdoNetGrainStorageOptions.PostgresInvariant;
                o.ConnectionString = connectionString;
            });
    }
}
