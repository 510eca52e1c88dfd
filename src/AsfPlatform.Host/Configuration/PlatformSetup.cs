using AsfPlatform.Composition;
using AsfPlatform.Host.Grains;
using AsfPlatform.Runtime.Hosting;

namespace AsfPlatform.Host.Configuration;

/// <summary>The shared platform composition plus what only the web host needs.</summary>
internal static class PlatformSetup
{
    public static WebApplicationBuilder AddAsfPlatformForHost(this WebApplicationBuilder builder)
    {
        builder.AddAsfPlatform(options =>
        {
            options.ConfigureSilo = silo => silo.AddGrain<HealthProbeGrain>();
            options.ConfigureReporting = reporting =>
                reporting.PluginDirectory = AsfPluginFolder.Resolve(builder.Configuration, builder.Environment.ContentRootPath);
        });
        // Registered after the runtime and the storage initializer, so both are up when it runs.
        builder.Services.AddHostedService<DatasetStartupLoader>();
        return builder;
    }
}
