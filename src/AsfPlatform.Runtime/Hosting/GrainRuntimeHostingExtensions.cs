using AsfPlatform.Runtime.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace AsfPlatform.Runtime.Hosting;

/// <summary>Adds the grain runtime to a host (Orleans' <c>UseOrleans</c> / <c>AddOrleans</c>).</summary>
public static class GrainRuntimeHostingExtensions
{
    /// <summary>Adds the grain runtime to an application builder (WebApplication, Host.CreateApplicationBuilder).</summary>
    public static IHostApplicationBuilder UseGrainRuntime(this IHostApplicationBuilder builder, Action<ISiloBuilder> configure)
    {
        builder.Services.AddGrainRuntime(configure, builder.Configuration);
        return builder;
    }

    /// <summary>Adds the grain runtime to a generic host builder.</summary>
    public static IHostBuilder UseGrainRuntime(this IHostBuilder builder, Action<ISiloBuilder> configure) =>
        builder.UseGrainRuntime((_, silo) => configure(silo));

    /// <summary>Adds the grain runtime to a generic host builder, with access to the host's context.</summary>
    public static IHostBuilder UseGrainRuntime(this IHostBuilder builder, Action<HostBuilderContext, ISiloBuilder> configure) =>
        builder.ConfigureServices((context, services) =>
            services.AddGrainRuntime(silo => configure(context, silo), context.Configuration));

    /// <summary>
    /// Adds the grain runtime's services: <see cref="IGrainFactory"/>, <see cref="IGrainRuntimeStatistics"/> and the
    /// hosted service that collects idle grains and deactivates all grains on shutdown. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddGrainRuntime(
        this IServiceCollection services, Action<ISiloBuilder>? configure = null, IConfiguration? configuration = null)
    {
        if (!services.Any(d => d.ServiceType == typeof(GrainRuntime)))
        {
            services.AddOptions<GrainRuntimeOptions>();
            services.TryAddSingleton<GrainRuntimeStatistics>();
            services.TryAddSingleton<IGrainRuntimeStatistics>(sp => sp.GetRequiredService<GrainRuntimeStatistics>());
            services.TryAddSingleton<GrainTypeRegistry>();
            services.AddSingleton<GrainRuntime>();
            services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
            services.AddHostedService<GrainRuntimeHostedService>();
        }

        configure?.Invoke(new SiloBuilder(services, configuration ?? new ConfigurationBuilder().Build()));
        return services;
    }
}
