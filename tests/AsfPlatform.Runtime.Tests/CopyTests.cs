using AsfPlatform.Runtime.Tests.Grains;

namespace AsfPlatform.Runtime.Tests;

public sealed class CopyTests
{
    [Fact]
    public async Task Mutable_arguments_are_copied_so_the_caller_cannot_change_grain_state()
    {
        var (cluster, _) = await TestClusters.StartAsync();
        await using var __ = cluster;
        var grain = cluster.GrainFactory.GetGrain<ICopyGrain>("x");
        var items = new List<int> { 1, 2 };
        var box = new MutableBox { Items = [7] };

        await grain.Store(items, box);
        items.Add(3);
        box.Items.Add(8);

        Assert.Equal([1, 2], await grain.Items());
        Assert.Equal([7], (await grain.Box()).Items);
    }

    [Fact]
    public async Task Mutable_results_are_copied_so_the_caller_cannot_change_grain_state()
    {
        var (cluster, _) = await TestClusters.StartAsync();
        await using var __ = cluster;
        var grain = cluster.GrainFactory.GetGrain<ICopyGrain>("x");
        await grain.Store([1], new MutableBox());

        (await grain.Items()).Add(99);

        Assert.Equal([1], await grain.Items());
    }

    [Fact]
    public async Task Records_pass_without_copying()
    {
        var (cluster, _) = await TestClusters.StartAsync();
        await using var __ = cluster;
        var grain = cluster.GrainFactory.GetGrain<ICopyGrain>("x");
        var point = new Point(1, 2);

        Assert.Same(point, await grain.Echo(point));
        Assert.True(await grain.IsSameAsStored(point));
    }

    [Fact]
    public void The_immutability_decision_follows_the_type()
    {
        Assert.True(Core.DeepCopier.IsImmutable(typeof(Point)));
        Assert.True(Core.DeepCopier.IsImmutable(typeof(string)));
        Assert.True(Core.DeepCopier.IsImmutable(typeof((int, DateOnly))));
        Assert.True(Core.DeepCopier.IsImmutable(typeof(ICounterGrain)));
        Assert.False(Core.DeepCopier.IsImmutable(typeof(int[])));
        Assert.False(Core.DeepCopier.IsImmutable(typeof(Dictionary<string, int>)));
        Assert.False(Core.DeepCopier.IsImmutable(typeof(MutableBox)));
    }
}
