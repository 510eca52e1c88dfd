using AsfPlatform.Composition.Orleans;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Orleans.Storage;

namespace AsfPlatform.Host.Tests;

/// <summary>The host with the sample dataset, its grain storage wrapped so a test can make one write fail.</summary>
public sealed class FaultyStorageHostFactory : AsfHostFactory
{
    public FaultyStorageHostFactory() => LoadDataset = true;

    /// <summary>What this host's storage is told to fail.</summary>
    public StorageFaults Faults { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => WrapGrainStorage(services, Faults.Wrap));
    }

    /// <summary>Puts <paramref name="wrap"/> around the platform's grain storage, so a test can make its writes fail.</summary>
    public static void WrapGrainStorage(IServiceCollection services, Func<IGrainStorage, IGrainStorage> wrap)
    {
        var real = services.Last(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, AsfCluster.StorageName));
        services.AddKeyedSingleton<IGrainStorage>(AsfCluster.StorageName,
            (provider, key) => wrap((IGrainStorage)real.KeyedImplementationFactory!(provider, key)));
    }
}

/// <summary>
/// Fails one write of one grain type, after letting a number of its writes through (as a full disk or a lost
/// connection would), then lets all through again.
/// </summary>
public sealed class StorageFaults
{
    private string? _grainType;
    private int _passing, _failed;

    public int Failed => Volatile.Read(ref _failed);

    /// <summary>Fails the write of <paramref name="grainType"/> that comes after <paramref name="passing"/> more of them.</summary>
    public void FailWriteOf(string grainType, int passing = 0)
    {
        Volatile.Write(ref _passing, passing);
        Volatile.Write(ref _grainType, grainType);
    }

    public IGrainStorage Wrap(IGrainStorage inner) => new Faulty(inner, this);

    private bool ShouldFail(GrainId grain)
    {
        var type = Volatile.Read(ref _grainType);
        if (type is null || grain.Type.ToString() != type || Interlocked.Decrement(ref _passing) >= 0
            || Interlocked.CompareExchange(ref _grainType, null, type) != type)
            return false;
        Interlocked.Increment(ref _failed);
        return true;
    }

    private sealed class Faulty(IGrainStorage inner, StorageFaults faults) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            inner.ReadStateAsync(stateName, grainId, grainState);

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            faults.ShouldFail(grainId) ? throw new IOException("Disken är full.") : inner.WriteStateAsync(stateName, grainId, grainState);

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            inner.ClearStateAsync(stateName, grainId, grainState);
    }
}
