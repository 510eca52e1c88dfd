using AsfPlatform.Runtime.Hosting;
using AsfPlatform.Runtime.Storage;

namespace AsfPlatform.Runtime.Testing;

/// <summary>
/// Several in-process hosts ("silos") of the grain runtime over the same storage, for tests
/// (Orleans.TestingHost's <c>TestCluster</c>). By default all hosts share one <see cref="MemoryGrainStorage"/>,
/// wrapped in <see cref="FaultInjection"/>, registered as the default storage; each host has its own activations,
/// so two hosts can hold an activation of the same grain and race on ETags as two servers would.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly int _initialSilos;
    private readonly IReadOnlyList<Action<ISiloBuilder>> _configurators;
    private readonly List<TestSilo> _silos = [];
    private readonly Lock _sync = new();
    private int _started;

    internal TestCluster(int initialSilos, IReadOnlyList<Action<ISiloBuilder>> configurators)
    {
        _initialSilos = initialSilos;
        _configurators = configurators;
        FaultInjection = new FaultInjectionGrainStorage(MemoryStorage);
    }

    /// <summary>The memory storage all hosts share as their "Default" storage (unless a configurator replaces it).</summary>
    public MemoryGrainStorage MemoryStorage { get; } = new();

    /// <summary>The shared default storage as the hosts see it; use it to make the next read or write fail.</summary>
    public FaultInjectionGrainStorage FaultInjection { get; }

    /// <summary>The running hosts, oldest first.</summary>
    public IReadOnlyList<TestSilo> Silos
    {
        get
        {
            lock (_sync)
            {
                return [.. _silos];
            }
        }
    }

    /// <summary>The oldest running host.</summary>
    public TestSilo Primary => Silos.FirstOrDefault() ?? throw new InvalidOperationException("No host is running.");

    /// <summary>The grain factory of the oldest running host (like Orleans' cluster client).</summary>
    public IGrainFactory GrainFactory => Primary.GrainFactory;

    /// <summary>Starts the initial hosts.</summary>
    public async Task DeployAsync()
    {
        for (var i = 0; i < _initialSilos; i++)
        {
            await StartAdditionalSiloAsync();
        }
    }

    /// <summary>Starts one more host over the same storage.</summary>
    public async Task<TestSilo> StartAdditionalSiloAsync()
    {
        var silo = await TestSilo.StartAsync($"silo-{Interlocked.Increment(ref _started)}", ConfigureSilo);
        lock (_sync)
        {
            _silos.Add(silo);
        }

        return silo;
    }

    /// <summary>Stops a host gracefully: every activation runs <c>OnDeactivateAsync</c>.</summary>
    public async Task StopSiloAsync(TestSilo silo)
    {
        Forget(silo);
        await silo.StopAsync();
    }

    /// <summary>Kills a host: activations vanish without <c>OnDeactivateAsync</c> and nothing is flushed.</summary>
    public async Task KillSiloAsync(TestSilo silo)
    {
        Forget(silo);
        await silo.KillAsync();
    }

    /// <summary>Stops a host gracefully and starts a new one in its place.</summary>
    public async Task<TestSilo> RestartSiloAsync(TestSilo silo)
    {
        await StopSiloAsync(silo);
        return await StartAdditionalSiloAsync();
    }

    /// <summary>Stops every host gracefully.</summary>
    public async Task StopAllSilosAsync()
    {
        foreach (var silo in Silos)
        {
            await StopSiloAsync(silo);
        }
    }

    /// <summary>Deactivates a grain on every host where it is active.</summary>
    public async Task DeactivateGrainAsync(GrainId grainId)
    {
        foreach (var silo in Silos)
        {
            await silo.DeactivateGrainAsync(grainId);
        }
    }

    /// <summary>Deactivates every grain on every host.</summary>
    public async Task DeactivateAllGrainsAsync()
    {
        foreach (var silo in Silos)
        {
            await silo.DeactivateAllGrainsAsync();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAllSilosAsync();

    private void ConfigureSilo(ISiloBuilder silo)
    {
        silo.AddGrainStorage(ProviderConstants.DefaultStorageProviderName, _ => FaultInjection);
        foreach (var configure in _configurators)
        {
            configure(silo);
        }
    }

    private void Forget(TestSilo silo)
    {
        lock (_sync)
        {
            _silos.Remove(silo);
        }
    }
}
