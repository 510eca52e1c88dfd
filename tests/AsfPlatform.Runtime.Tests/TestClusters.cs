using AsfPlatform.Runtime.Hosting;
using AsfPlatform.Runtime.Testing;
using AsfPlatform.Runtime.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace AsfPlatform.Runtime.Tests;

/// <summary>Starts test clusters with this project's grains, a shared <see cref="LifecycleProbe"/> and an extra
/// memory storage named "Other".</summary>
internal static class TestClusters
{
    public static async Task<(TestCluster Cluster, LifecycleProbe Probe)> StartAsync(
        Action<GrainRuntimeOptions>? options = null, int silos = 1, Action<ISiloBuilder>? configure = null)
    {
        var probe = new LifecycleProbe();
        var builder = new TestClusterBuilder { InitialSilosCount = silos }
            .ConfigureSilo(silo =>
            {
                silo.AddGrains(typeof(CounterGrain).Assembly).AddMemoryGrainStorage("Other");
                silo.Services.AddSingleton(probe);
                configure?.Invoke(silo);
            });
        if (options is not null)
        {
            builder.ConfigureOptions(options);
        }

        return (await builder.BuildAndDeployAsync(), probe);
    }

    public static async Task WaitUntil(Func<bool> condition, int timeoutMs = 5000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException("Condition not met in time.");
            }

            await Task.Delay(10);
        }
    }
}
