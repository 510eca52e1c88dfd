using AsfPlatform.Composition;

namespace AsfPlatform.Host.Configuration;

/// <summary>The shared platform composition plus what only the web host needs.</summary>
internal static class PlatformSetup
{
    public static WebApplicationBuilder AddAsfPlatformForHost(this WebApplicationBuilder builder)
    {
        builder.AddAsfPlatform(options =>
        {
            options.ConfigureReporting = reporting =>
                reporting.PluginDirectory = AsfPluginFolder.Resolve(builder.Configuration, builder.Environment.ContentRootPath);
        });
        // Registered after the silo, so the cluster takes calls when it runs.
        builder.Services.AddHostedService<DatasetStartupLoader>();
        return builder;
    }
}
