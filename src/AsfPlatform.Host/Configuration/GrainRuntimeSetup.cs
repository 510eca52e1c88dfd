using AsfPlatform.Grains;
using AsfPlatform.Host.Grains;
using AsfPlatform.Persistence.AdoNet;
using AsfPlatform.Persistence.AdoNet.Hosting;
using AsfPlatform.Runtime.Hosting;

namespace AsfPlatform.Host.Configuration;

/// <summary>The grain runtime with ADO.NET grain storage on the configured database.</summary>
internal static class GrainRuntimeSetup
{
    public static WebApplicationBuilder AddAsfGrainRuntime(this WebApplicationBuilder builder)
    {
        builder.UseGrainRuntime(silo =>
        {
            silo.AddAsfGrains();
            silo.AddGrain<HealthProbeGrain>();
            silo.AddAdoNetGrainStorageAsDefault(_ => { });
        });
        // Filled from the resolved settings when the storage is first created (after test hosts add their settings).
        builder.Services.AddOptions<AdoNetGrainStorageOptions>(AsfPlatform.Runtime.ProviderConstants.DefaultStorageProviderName)
            .Configure<StorageSettings>((options, storage) =>
            {
                options.Invariant = storage.Invariant;
                options.ConnectionString = storage.ConnectionString!;
            });
        // Registered after the runtime and the storage initializer, so both are up when it runs.
        builder.Services.AddHostedService<DatasetStartupLoader>();
        return builder;
    }
}
