using AsfPlatform.Runtime.Hosting;
using AsfPlatform.Runtime.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsfPlatform.Runtime.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task An_application_builder_host_serves_grains_and_deactivates_them_on_stop()
    {
        var probe = new LifecycleProbe();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(probe);
        builder.UseGrainRuntime(silo => silo
            .AddGrain<CounterGrain>()
            .AddMemoryGrainStorage()
            .Configure(o => o.ResponseTimeout = TimeSpan.FromSeconds(5)));
        using var host = builder.Build();
        await host.StartAsync();

        var factory = host.Services.GetRequiredService<IGrainFactory>();
        Assert.Equal(1, await factory.GetGrain<ICounterGrain>("h").Increment());
        Assert.Equal(1, host.Services.GetRequiredService<IGrainRuntimeStatistics>().GetCalls("counter"));

        await host.StopAsync();
        Assert.Contains("deactivate h ShuttingDown", probe.Events);
    }

    [Fact]
    public async Task A_generic_host_builder_and_assembly_scanning_work_too()
    {
        using var host = new HostBuilder()
            .ConfigureServices(s => s.AddSingleton(new LifecycleProbe()))
            .UseGrainRuntime(silo => silo.AddGrains(typeof(CounterGrain).Assembly).AddMemoryGrainStorage().AddMemoryGrainStorage("Other"))
            .Build();
        await host.StartAsync();
        var factory = host.Services.GetRequiredService<IGrainFactory>();

        Assert.Equal("pong", await factory.GetGrain<ICycleAGrain>("a").Pong());
        await factory.GetGrain<INamedStatesGrain>("n").Set("x", "y");
        await host.StopAsync();
    }

    [Fact]
    public async Task A_missing_storage_provider_is_reported_by_name()
    {
        var services = new ServiceCollection()
            .AddSingleton(new LifecycleProbe())
            .AddGrainRuntime(silo => silo.AddGrain<CounterGrain>());
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            provider.GetRequiredService<IGrainFactory>().GetGrain<ICounterGrain>("x").Get);
        Assert.Contains("'Default'", error.Message);
    }

    [Fact]
    public async Task Statistics_show_how_many_grain_calls_an_operation_costs()
    {
        var (cluster, _) = await TestClusters.StartAsync();
        await using var __ = cluster;
        var before = cluster.Primary.Statistics.Snapshot();

        await cluster.GrainFactory.GetGrain<ICycleAGrain>("a").Pong();
        await cluster.GrainFactory.GetGrain<ICounterGrain>("c").Increment();
        await cluster.GrainFactory.GetGrain<ICounterGrain>("c").Get();

        var cost = cluster.Primary.Statistics.Snapshot().CallsSince(before);
        Assert.Equal(new Dictionary<string, long> { ["cyclea"] = 1, ["counter"] = 2 }, cost);
    }
}
