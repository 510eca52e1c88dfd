using System.Collections.Concurrent;
using AsfPlatform.Runtime.Tests.Grains;

namespace AsfPlatform.Runtime.Tests;

public sealed class ObserverTests
{
    private sealed class Recorder : IGoalObserver
    {
        public ConcurrentQueue<string> Seen { get; } = new();

        public void GoalChanged(string goal, int value) => Seen.Enqueue($"{goal}={value}");
    }

    private sealed class Failing : IGoalObserver
    {
        public void GoalChanged(string goal, int value) => throw new InvalidOperationException("observer broke");
    }

    private sealed class Slow : IGoalObserver
    {
        public void GoalChanged(string goal, int value) => Thread.Sleep(2000);
    }

    [Fact]
    public async Task A_grain_notifies_subscribed_local_observers_in_order()
    {
        var (cluster, _) = await TestClusters.StartAsync();
        await using var __ = cluster;
        var grain = cluster.GrainFactory.GetGrain<IGoalGrain>("goal");
        var recorder = new Recorder();
        await grain.Subscribe(cluster.GrainFactory.CreateObjectReference<IGoalObserver>(recorder));

        for (var i = 1; i <= 5; i++)
        {
            await grain.SetValue(i);
        }

        await TestClusters.WaitUntil(() => recorder.Seen.Count == 5);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"goal={i}"), recorder.Seen);
    }

    [Fact]
    public async Task A_failing_or_slow_observer_does_not_break_or_block_the_grain()
    {
        var (cluster, _) = await TestClusters.StartAsync(o => o.ResponseTimeout = TimeSpan.FromSeconds(1));
        await using var __ = cluster;
        var grain = cluster.GrainFactory.GetGrain<IGoalGrain>("goal");
        var recorder = new Recorder();
        await grain.Subscribe(cluster.GrainFactory.CreateObjectReference<IGoalObserver>(new Failing()));
        await grain.Subscribe(cluster.GrainFactory.CreateObjectReference<IGoalObserver>(new Slow()));
        await grain.Subscribe(cluster.GrainFactory.CreateObjectReference<IGoalObserver>(recorder));

        var started = Environment.TickCount64;
        Assert.Equal(7, await grain.SetValue(7));
        Assert.Equal(8, await grain.SetValue(8));

        Assert.True(Environment.TickCount64 - started < 1000, "notifications must not wait for the slow observer");
        await TestClusters.WaitUntil(() => recorder.Seen.Count == 2);
    }

    [Fact]
    public async Task A_deleted_object_reference_receives_nothing_more()
    {
        var (cluster, _) = await TestClusters.StartAsync();
        await using var __ = cluster;
        var grain = cluster.GrainFactory.GetGrain<IGoalGrain>("goal");
        var recorder = new Recorder();
        await grain.Subscribe(cluster.GrainFactory.CreateObjectReference<IGoalObserver>(recorder));
        await grain.SetValue(1);
        await TestClusters.WaitUntil(() => recorder.Seen.Count == 1);

        cluster.GrainFactory.DeleteObjectReference<IGoalObserver>(recorder);
        await grain.SetValue(2);
        await Task.Delay(100);

        Assert.Single(recorder.Seen);
    }
}
