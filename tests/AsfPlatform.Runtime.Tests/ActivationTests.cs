using AsfPlatform.Runtime.Tests.Grains;

namespace AsfPlatform.Runtime.Tests;

public sealed class ActivationTests
{
    [Fact]
    public async Task A_grain_is_activated_on_its_first_call_and_only_once_per_key()
    {
        var (cluster, probe) = await TestClusters.StartAsync();
        await using var _ = cluster;
        var grain = cluster.GrainFactory.GetGrain<ICounterGrain>("k1");
        Assert.Empty(probe.Events);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => cluster.GrainFactory.GetGrain<ICounterGrain>("k1").Get()));
        await grain.Get();
        await cluster.GrainFactory.GetGrain<ICounterGrain>("k2").Get();

        Assert.Equal(1, probe.Count("activate k1 value=0"));
        Assert.Equal(1, probe.Count("activate k2 value=0"));
        Assert.Equal(2, cluster.Primary.Statistics.GetActivations("counter"));
        Assert.Equal(22, cluster.Primary.Statistics.GetCalls("counter"));
    }

    [Fact]
    public async Task State_is_loaded_before_OnActivateAsync()
    {
        var (cluster, probe) = await TestClusters.StartAsync();
        await using var _ = cluster;
        var grain = cluster.GrainFactory.GetGrain<ICounterGrain>("k1");
        await grain.Increment();
        await grain.Increment();
        await cluster.DeactivateAllGrainsAsync();

        Assert.Equal(2, await grain.Get());
        Assert.Contains("activate k1 value=2", probe.Events);
    }

    [Fact]
    public void Grain_type_names_come_from_the_attribute_or_the_class_name_without_Grain()
    {
        Assert.Equal("counter", Core.GrainClassInfo.GetGrainTypeName(typeof(CounterGrain)));
        Assert.Equal("reentrant-gate", Core.GrainClassInfo.GetGrainTypeName(typeof(ReentrantGateGrain)));
    }

    [Fact]
    public async Task Grain_references_carry_the_grain_type_and_key_verbatim()
    {
        var (cluster, _) = await TestClusters.StartAsync();
        await using var __ = cluster;
        var a = (Core.GrainReference)(object)cluster.GrainFactory.GetGrain<ICounterGrain>("020235");
        var b = (Core.GrainReference)(object)cluster.GrainFactory.GetGrain<ICounterGrain>("20235");

        Assert.Equal(new GrainId("counter", "020235"), a.GrainId);
        Assert.NotEqual(a.GrainId, b.GrainId);
    }

    [Fact]
    public async Task An_unregistered_grain_interface_fails_with_a_clear_message()
    {
        var (cluster, _) = await TestClusters.StartAsync();
        await using var __ = cluster;

        var error = Assert.Throws<InvalidOperationException>(() => cluster.GrainFactory.GetGrain<INotImplementedGrain>("x"));
        Assert.Contains(nameof(INotImplementedGrain), error.Message);
    }

    public interface INotImplementedGrain : IGrainWithStringKey
    {
        Task Nothing();
    }
}
