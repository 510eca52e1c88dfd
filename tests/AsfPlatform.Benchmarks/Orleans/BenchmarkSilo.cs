using AsfPlatform.Grains;
using AsfPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;

namespace AsfPlatform.Benchmarks.Orleans;

/// <summary>One Orleans silo in the benchmark process, co-hosted as the web host does it, with the ASF grains.</summary>
internal static class BenchmarkSilo
{
    /// <summary>Starts a silo with localhost clustering on free ports and memory grain storage, plus <paramref name="services"/>.</summary>
    public static IHost Start(Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        services?.Invoke(builder.Services);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(FreePorts.Next(), FreePorts.Next())
            .AddMemoryGrainStorageAsDefault()
            .AddAsfGrains());
        var host = builder.Build();
        host.Start();
        return host;
    }
}
