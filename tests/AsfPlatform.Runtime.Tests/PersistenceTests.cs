using AsfPlatform.Runtime.Tests.Grains;

namespace AsfPlatform.Runtime.Tests;

public sealed class PersistenceTests
{
    private static readonly GrainId Counter = new("counter", "p");

    [Fact]
    public async Task A_write_fault_leaves_the_stored_state_intact_and_the_next_call_sees_it()
    {
        var (cluster, _) = await TestClusters.StartAsync();
        await using var __ = cluster;
        var grain = cluster.GrainFactory.GetGrain<ICounterGrain>("p");
        await grain.Increment();

        cluster.FaultInjection.FailNextWrite(Counter);
        var error = await Assert.ThrowsAsync<GrainStorageException>(grain.Increment);

        Assert.Contains("write", error.Message);
        Assert.Contains("counter/p", error.Message);
        Assert.Equal(1, await grain.Get());
        Assert.Equal(2, await grain.Increment());
    }

    [Fact]
    public async Task A_read_fault_fails_the_activation_and_the_next_call_activates_again()
    {
        var (cluster, _) = await TestClusters.StartAsync();
        await using var __ = cluster;
        var grain = cluster.GrainFactory.GetGrain<ICounterGrain>("p");

        cluster.FaultInjection.FailNextRead(Counter);
        var error = await Assert.ThrowsAsync<GrainStorageException>(grain.Get);

        Assert.Contains("read", error.Message);
        Assert.Equal(1, await grain.Increment());
    }

    [Fact]
    public async Task A_fault_for_another_grain_does_not_touch_this_one()
    {
        var (cluster, _) = await TestClusters.StartAsync();
        await using var __ = cluster;
        cluster.FaultInjection.FailNextWrite(new GrainId("counter", "other"));

        Assert.Equal(1, await cluster.GrainFactory.GetGrain<ICounterGrain>("p").Increment());
        await Assert.ThrowsAsync<GrainStorageException>(cluster.GrainFactory.GetGrain<ICounterGrain>("other").Increment);
    }

    [Fact]
    public async Task A_stale_activation_fails_with_InconsistentStateException_and_reloads_on_the_next_call()
    {
        var (cluster, probe) = await TestClusters.StartAsync(silos: 2);
        await using var __ = cluster;
        var onFirst = cluster.Silos[0].GrainFactory.GetGrain<ICounterGrain>("p");
        var onSecond = cluster.Silos[1].GrainFactory.GetGrain<ICounterGrain>("p");
        await onFirst.Get();
        await onSecond.Get();

        Assert.Equal(1, await onFirst.Increment());
        var error = await Assert.ThrowsAsync<InconsistentStateException>(onSecond.Increment);
        Assert.Contains("counter/p", error.Message);

        await TestClusters.WaitUntil(() => probe.Count("deactivate p InconsistentState") == 1);
        Assert.Equal(1, await onSecond.Get());
        Assert.Equal(2, await onSecond.Increment());
        Assert.Equal(2, await onFirst.ReadStored());
    }

    [Fact]
    public async Task Clearing_state_resets_it_in_storage()
    {
        var (cluster, _) = await TestClusters.StartAsync();
        await using var __ = cluster;
        var grain = cluster.GrainFactory.GetGrain<ICounterGrain>("p");
        await grain.Increment();

        await grain.Clear();
        await cluster.DeactivateAllGrainsAsync();

        Assert.Equal(0, await grain.Get());
        Assert.Equal(1, await grain.Increment());
    }

    [Fact]
    public async Task States_with_different_names_and_storages_are_independent()
    {
        var (cluster, _) = await TestClusters.StartAsync();
        await using var __ = cluster;
        var grain = cluster.GrainFactory.GetGrain<INamedStatesGrain>("n");

        await grain.Set("one", "two");
        await cluster.DeactivateAllGrainsAsync();

        Assert.Equal("one/two", await grain.Get());
        Assert.Equal(1, cluster.MemoryStorage.Count);
    }
}
