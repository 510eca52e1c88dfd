using AsfPlatform.Runtime.Tests.Grains;

namespace AsfPlatform.Runtime.Tests;

public sealed class TurnTests
{
    [Fact]
    public async Task Requests_run_one_at_a_time_in_arrival_order()
    {
        var (cluster, _) = await TestClusters.StartAsync();
        await using var __ = cluster;
        var grain = cluster.GrainFactory.GetGrain<IConcurrencyGrain>("c");

        await Task.WhenAll(Enumerable.Range(0, 100).Select(grain.Work).ToList());

        Assert.Equal(1, await grain.Peak());
        Assert.Equal(Enumerable.Range(0, 100), await grain.Order());
    }

    [Fact]
    public async Task Concurrent_callers_on_many_threads_never_overlap_inside_a_grain()
    {
        var (cluster, _) = await TestClusters.StartAsync();
        await using var __ = cluster;
        var grain = cluster.GrainFactory.GetGrain<IConcurrencyGrain>("c");

        await Task.WhenAll(Enumerable.Range(0, 16).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await grain.Work(i);
            }
        })));

        Assert.Equal(1, await grain.Peak());
    }

    [Fact]
    public async Task A_non_reentrant_grain_holds_later_calls_until_the_running_one_completes()
    {
        var (cluster, _) = await TestClusters.StartAsync(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
        await using var __ = cluster;
        var grain = cluster.GrainFactory.GetGrain<IGateGrain>("g");

        var waiting = grain.WaitForGate();
        var open = grain.Open();
        await Task.Delay(200);
        Assert.False(open.IsCompleted);
        Assert.False(waiting.IsCompleted);

        // An [AlwaysInterleave] method runs even while the grain is busy.
        await grain.OpenInterleaved();
        Assert.Equal("through", await waiting);
        await open;
    }

    [Fact]
    public async Task A_reentrant_grain_interleaves_at_awaits_but_never_runs_on_two_threads_at_once()
    {
        var (cluster, _) = await TestClusters.StartAsync();
        await using var __ = cluster;
        var grain = cluster.GrainFactory.GetGrain<IReentrantGateGrain>("r");

        var waiting = Enumerable.Range(0, 8).Select(_ => grain.WaitForGate()).ToList();
        await grain.Open();

        Assert.All(await Task.WhenAll(waiting), r => Assert.Equal("through", r));
        Assert.Equal(1, await grain.MaxThreadsAtOnce());
    }

    [Fact]
    public async Task A_call_cycle_between_non_reentrant_grains_fails_with_a_timeout()
    {
        var (cluster, _) = await TestClusters.StartAsync(o => o.ResponseTimeout = TimeSpan.FromMilliseconds(500));
        await using var __ = cluster;
        var a = cluster.GrainFactory.GetGrain<ICycleAGrain>("a");

        var started = Environment.TickCount64;
        var error = await Assert.ThrowsAsync<TimeoutException>(a.Start);

        Assert.InRange(Environment.TickCount64 - started, 400, 5000);
        Assert.Contains("cycle", error.Message);
        // The grain recovers once the cycle has been broken by the timeout.
        Assert.Equal("pong", await a.Pong());
    }
}
