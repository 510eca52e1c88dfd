using AsfPlatform.Runtime;
using AsfPlatform.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsfPlatform.Persistence.AdoNet.Hosting;

/// <summary>Registers ADO.NET grain storage on a silo (Orleans' <c>AddAdoNetGrainStorage</c>).</summary>
public static class AdoNetGrainStorageSiloBuilderExtensions
{
    /// <summary>
    /// Adds an ADO.NET grain storage under <paramref name="name"/>: the runtime's keyed <c>IGrainStorage</c> for that
    /// name, also resolvable as a keyed <see cref="AdoNetGrainStorage"/>. Its schema is migrated when the host starts.
    /// </summary>
    public static ISiloBuilder AddAdoNetGrainStorage(this ISiloBuilder builder, string name, Action<AdoNetGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);

        var services = builder.Services;
        services.AddOptions<AdoNetGrainStorageOptions>(name).Configure(configure);
        services.AddKeyedSingleton(name, (sp, _) => new AdoNetGrainStorage(
            name,
            sp.GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>().Get(name),
            sp.GetService<IOptions<GrainRuntimeOptions>>()?.Value.ServiceId ?? new GrainRuntimeOptions().ServiceId,
            sp.GetService<ILogger<AdoNetGrainStorage>>()));
        builder.AddGrainStorage(name, sp => sp.GetRequiredKeyedService<AdoNetGrainStorage>(name));
        // Not AddHostedService: it de-duplicates by type, and each named storage needs its own start-up migration.
        services.AddSingleton<IHostedService>(sp => new AdoNetGrainStorageInitializer(sp.GetRequiredKeyedService<AdoNetGrainStorage>(name)));
        return builder;
    }

    /// <summary>Adds an ADO.NET grain storage as the default storage (<see cref="ProviderConstants.DefaultStorageProviderName"/>),
    /// used by <c>[PersistentState]</c> without a storage name.</summary>
    public static ISiloBuilder AddAdoNetGrainStorageAsDefault(this ISiloBuilder builder, Action<AdoNetGrainStorageOptions> configure)
        => builder.AddAdoNetGrainStorage(ProviderConstants.DefaultStorageProviderName, configure);
}
