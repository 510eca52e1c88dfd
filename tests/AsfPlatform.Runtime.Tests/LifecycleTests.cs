using AsfPlatform.Runtime.Tests.Grains;

namespace AsfPlatform.Runtime.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task An_idle_grain_is_deactivated_after_the_collection_age_and_reloads_its_state()
    {
        var (cluster, probe) = await TestClusters.StartAsync(o =>
        {
            o.CollectionAge = TimeSpan.FromMilliseconds(200);
            o.CollectionQuantum = TimeSpan.FromMilliseconds(50);
        });
        await using var _ = cluster;
        var grain = cluster.GrainFactory.GetGrain<ICounterGrain>("idle");
        await grain.Increment();

        await TestClusters.WaitUntil(() => probe.Count("deactivate idle IdleCollection") == 1);
        Assert.Equal(0, cluster.Primary.ActivationCount);

        Assert.Equal(1, await grain.Get());
        Assert.Contains("activate idle value=1", probe.Events);
    }

    [Fact]
    public async Task A_busy_grain_is_not_collected()
    {
        var (cluster, probe) = await TestClusters.StartAsync(o =>
        {
            o.CollectionAge = TimeSpan.FromSeconds(1);
            o.CollectionQuantum = TimeSpan.FromMilliseconds(50);
        });
        await using var _ = cluster;
        var grain = cluster.GrainFactory.GetGrain<ICounterGrain>("busy");
        for (var i = 0; i < 30; i++)
        {
            await grain.Get();
            await Task.Delay(50);
        }

        Assert.Equal(0, probe.Count("deactivate busy IdleCollection"));
    }

    [Fact]
    public async Task DeactivateOnIdle_deactivates_after_the_current_call()
    {
        var (cluster, probe) = await TestClusters.StartAsync();
        await using var _ = cluster;
        var grain = cluster.GrainFactory.GetGrain<ICounterGrain>("d");
        await grain.Increment();

        await grain.Deactivate();
        await TestClusters.WaitUntil(() => probe.Count("deactivate d ApplicationRequested") == 1);

        Assert.Equal(1, await grain.Get());
        Assert.Equal(2, probe.Events.Count(e => e.StartsWith("activate d", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Graceful_shutdown_calls_OnDeactivateAsync_on_every_activation()
    {
        var (cluster, probe) = await TestClusters.StartAsync();
        var silo = cluster.Primary;
        foreach (var key in new[] { "a", "b", "c" })
        {
            await cluster.GrainFactory.GetGrain<ICounterGrain>(key).Get();
        }

        await cluster.StopSiloAsync(silo);

        Assert.Equal(3, probe.Events.Count(e => e.EndsWith("ShuttingDown", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_killed_host_skips_OnDeactivateAsync()
    {
        var (cluster, probe) = await TestClusters.StartAsync();
        await using var _ = cluster;
        await cluster.GrainFactory.GetGrain<ICounterGrain>("a").Increment();

        await cluster.KillSiloAsync(cluster.Primary);

        Assert.DoesNotContain(probe.Events, e => e.StartsWith("deactivate", StringComparison.Ordinal));
        var silo = await cluster.StartAdditionalSiloAsync();
        Assert.Equal(1, await silo.GrainFactory.GetGrain<ICounterGrain>("a").Get());
    }

    [Fact]
    public async Task Calls_arriving_during_deactivation_go_to_a_new_activation()
    {
        var (cluster, probe) = await TestClusters.StartAsync();
        await using var _ = cluster;
        var grain = cluster.GrainFactory.GetGrain<ICounterGrain>("m");
        await grain.Increment();

        var deactivation = cluster.DeactivateGrainAsync(new GrainId("counter", "m"));
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => grain.Increment()));
        await deactivation;

        Assert.Equal(Enumerable.Range(2, 10), results.Order());
        Assert.Equal(11, await grain.ReadStored());
    }

    [Fact]
    public async Task Timer_ticks_run_as_turns_and_stop_when_the_grain_deactivates()
    {
        var (cluster, probe) = await TestClusters.StartAsync();
        await using var _ = cluster;
        var grain = cluster.GrainFactory.GetGrain<ITimerGrain>("t");
        await grain.Ticks();
        for (var i = 0; i < 10; i++)
        {
            await grain.Busy(5);
        }

        await TestClusters.WaitUntil(() => probe.Count("tick t") >= 5);
        Assert.Equal(1, await grain.PeakConcurrency());

        await cluster.DeactivateGrainAsync(new GrainId("timer", "t"));
        var ticks = probe.Count("tick t");
        await Task.Delay(100);
        Assert.Equal(ticks, probe.Count("tick t"));
    }

    [Fact]
    public async Task A_disposed_timer_stops_ticking()
    {
        var (cluster, probe) = await TestClusters.StartAsync();
        await using var _ = cluster;
        var grain = cluster.GrainFactory.GetGrain<ITimerGrain>("t");
        await grain.Ticks();
        await TestClusters.WaitUntil(() => probe.Count("tick t") >= 2);

        await grain.StopTimer();
        var ticks = await grain.Ticks();
        await Task.Delay(100);

        Assert.Equal(ticks, await grain.Ticks());
    }
}
