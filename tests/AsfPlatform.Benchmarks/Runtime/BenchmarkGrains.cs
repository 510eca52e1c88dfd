using AsfPlatform.Runtime;
using AsfPlatform.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsfPlatform.Benchmarks.Runtime;

public interface IAdderGrain : IGrainWithStringKey
{
    Task<int> Add(int value);
}

/// <summary>A trivial grain: the benchmarks measure the runtime, not the grain.</summary>
public sealed class AdderGrain : Grain, IAdderGrain
{
    private int _sum;

    public Task<int> Add(int value) => Task.FromResult(_sum += value);
}

/// <summary>The same method without the runtime, for the direct-call baseline.</summary>
public sealed class PlainAdder
{
    private int _sum;

    public Task<int> Add(int value) => Task.FromResult(_sum += value);
}

internal static class BenchmarkHost
{
    public static IHost Start()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseGrainRuntime(silo => silo.AddGrain<AdderGrain>().AddMemoryGrainStorage());
        var host = builder.Build();
        host.Start();
        return host;
    }

    public static IGrainFactory Grains(this IHost host) => host.Services.GetRequiredService<IGrainFactory>();
}
