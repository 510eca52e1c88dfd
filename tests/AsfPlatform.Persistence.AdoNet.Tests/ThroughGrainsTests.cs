using AsfPlatform.Persistence.AdoNet.Hosting;
using AsfPlatform.Runtime;
using AsfPlatform.Runtime.Hosting;
using AsfPlatform.Runtime.Storage;
using AsfPlatform.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsfPlatform.Persistence.AdoNet.Tests;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    Task<int> Get();
}

[GrainType("StoredCounter")]
public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> counter) : Grain, ICounterGrain
{
    public async Task<int> Increment()
    {
        counter.State.Value++;
        await counter.WriteStateAsync();
        return counter.State.Value;
    }

    public Task<int> Get() => Task.FromResult(counter.State.Value);
}

/// <summary>The storage registered on a silo and used by real grains, across host restarts.</summary>
public sealed class ThroughGrainsTests : IDisposable
{
    private readonly TempSqliteDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseGrainRuntime(silo => silo
            .AddGrain<CounterGrain>()
            .AddAdoNetGrainStorageAsDefault(o => o.ConnectionString = _database.ConnectionString));
        return builder.Build();
    }

    [Fact]
    public async Task Grain_state_written_through_the_storage_survives_a_host_restart()
    {
        using (var first = BuildHost())
        {
            await first.StartAsync();
            var grains = first.Services.GetRequiredService<IGrainFactory>();
            await grains.GetGrain<ICounterGrain>("k2180").Increment();
            await grains.GetGrain<ICounterGrain>("k2180").Increment();
            await grains.GetGrain<ICounterGrain>("020235").Increment();
            await first.StopAsync();
        }

        _database.ClearPool();
        using var second = BuildHost();
        await second.StartAsync();
        var factory = second.Services.GetRequiredService<IGrainFactory>();

        Assert.Equal(2, await factory.GetGrain<ICounterGrain>("k2180").Get());
        Assert.Equal(1, await factory.GetGrain<ICounterGrain>("020235").Get());
        Assert.Equal(0, await factory.GetGrain<ICounterGrain>("20235").Get());
        await second.StopAsync();
    }

    [Fact]
    public async Task The_schema_is_migrated_when_the_host_starts()
    {
        using var host = BuildHost();
        await host.StartAsync();

        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(version) FROM grain_storage_schema";
        Assert.Equal(1L, await command.ExecuteScalarAsync());
        Assert.IsType<AdoNetGrainStorage>(host.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DefaultStorageProviderName));
        await host.StopAsync();
    }
}
