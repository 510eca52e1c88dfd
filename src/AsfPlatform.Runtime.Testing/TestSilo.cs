using AsfPlatform.Runtime.Core;
using AsfPlatform.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsfPlatform.Runtime.Testing;

/// <summary>One in-process host of a <see cref="TestCluster"/> (Orleans.TestingHost's <c>SiloHandle</c>).</summary>
public sealed class TestSilo
{
    private readonly IHost _host;
    private readonly GrainRuntime _runtime;

    private TestSilo(string name, IHost host)
    {
        Name = name;
        _host = host;
        _runtime = host.Services.GetRequiredService<GrainRuntime>();
    }

    /// <summary>The host's name, e.g. "silo-2".</summary>
    public string Name { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Creates grain references that are served by this host.</summary>
    public IGrainFactory GrainFactory => _runtime;

    /// <summary>Call and activation counters of this host.</summary>
    public IGrainRuntimeStatistics Statistics => _runtime.Statistics;

    /// <summary>Number of live activations on this host.</summary>
    public int ActivationCount => _runtime.Activations.Count;

    /// <summary>Whether the grain has an activation on this host.</summary>
    public bool IsActive(GrainId grainId) => _runtime.Activations.Any(a => a.GrainId == grainId && !a.IsInvalid);

    /// <summary>Deactivates one grain here (its <c>OnDeactivateAsync</c> runs) and waits until it is gone.</summary>
    public Task DeactivateGrainAsync(GrainId grainId) =>
        _runtime.DeactivateAsync(grainId, new DeactivationReason(DeactivationReasonCode.Requested, "Deactivated by a test."));

    /// <summary>Deactivates every grain here and waits until they are gone.</summary>
    public Task DeactivateAllGrainsAsync() =>
        _runtime.DeactivateAllAsync(new DeactivationReason(DeactivationReasonCode.Requested, "Deactivated by a test."));

    /// <summary>Runs idle collection now instead of waiting for the collection quantum.</summary>
    public void CollectIdleGrains() => _runtime.CollectIdleActivations();

    /// <inheritdoc />
    public override string ToString() => Name;

    internal static async Task<TestSilo> StartAsync(string name, Action<ISiloBuilder> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test" });
        builder.UseGrainRuntime(configure);
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(name, host);
    }

    internal async Task StopAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    internal async Task KillAsync()
    {
        _runtime.Kill();
        await _host.StopAsync();
        _host.Dispose();
    }
}
