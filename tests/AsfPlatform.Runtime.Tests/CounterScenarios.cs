using System.Diagnostics;
using AsfPlatform.Runtime.Hosting;
using AsfPlatform.Runtime.Testing;
using AsfPlatform.Runtime.Tests.Grains;
using Xunit.Abstractions;

namespace AsfPlatform.Runtime.Tests;

/// <summary>
/// The end-to-end scenarios on one counter grain, run against each storage by a subclass: many concurrent
/// callers lose no increment, the value survives a restart, and two hosts racing on one database never lose an
/// acknowledged increment.
/// </summary>
public abstract class CounterScenarios(ITestOutputHelper output)
{
    /// <summary>Increments each of the 64 callers makes (the issue asks for 1,000).</summary>
    private const int IncrementsPerCaller = 1000;

    /// <summary>Registers the "Default" storage every host of a cluster shares; null keeps the shared memory storage.</summary>
    protected abstract Task<Action<ISiloBuilder>?> ConfigureStorageAsync(string name);

    [Fact]
    public async Task Sixty_four_concurrent_callers_making_a_thousand_increments_each_end_at_64000_and_survive_a_restart()
    {
        var (cluster, _) = await TestClusters.StartAsync(configure: await ConfigureStorageAsync("sixtyfour"));
        await using var __ = cluster;
        var grain = cluster.GrainFactory.GetGrain<ICounterGrain>("k64");
        var watch = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < IncrementsPerCaller; i++)
            {
                await grain.Increment();
            }
        })));
        output.WriteLine($"64 x {IncrementsPerCaller:N0} increments took {watch.Elapsed.TotalSeconds:F1} s");

        var expected = 64 * IncrementsPerCaller;
        Assert.Equal(expected, await grain.Get());
        var restarted = await cluster.RestartSiloAsync(cluster.Primary);
        Assert.Equal(expected, await restarted.GrainFactory.GetGrain<ICounterGrain>("k64").Get());
    }

    [Fact]
    public async Task Two_hosts_writing_one_grain_never_lose_an_acknowledged_increment()
    {
        var (cluster, _) = await TestClusters.StartAsync(silos: 2, configure: await ConfigureStorageAsync("twohosts"));
        await using var __ = cluster;
        long acknowledged = 0, conflicts = 0;
        // Both hosts hold an activation with the same ETag before the race, so at least one write must lose.
        foreach (var silo in cluster.Silos)
        {
            await silo.GrainFactory.GetGrain<ICounterGrain>("shared").Get();
        }

        await Task.WhenAll(cluster.Silos.SelectMany(silo => Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var grain = silo.GrainFactory.GetGrain<ICounterGrain>("shared");
            for (var i = 0; i < 100; i++)
            {
                while (true)
                {
                    try
                    {
                        await grain.Increment();
                        Interlocked.Increment(ref acknowledged);
                        break;
                    }
                    catch (InconsistentStateException)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                }
            }
        }))));

        output.WriteLine($"{acknowledged} acknowledged increments, {conflicts} ETag conflicts retried");
        Assert.Equal(1_600, acknowledged);
        Assert.Equal(acknowledged, await cluster.Silos[0].GrainFactory.GetGrain<ICounterGrain>("shared").ReadStored());
        Assert.True(conflicts > 0, "both hosts started from the same ETag, so one of them must have lost a race");
    }
}

public sealed class MemoryCounterScenarios(ITestOutputHelper output) : CounterScenarios(output)
{
    protected override Task<Action<ISiloBuilder>?> ConfigureStorageAsync(string name) => Task.FromResult<Action<ISiloBuilder>?>(null);
}
