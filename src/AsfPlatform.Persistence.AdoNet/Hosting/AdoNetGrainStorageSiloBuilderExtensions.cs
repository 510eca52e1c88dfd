using AsfPlatform.Runtime.Hosting;
using AsfPlatform.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsfPlatform.Persistence.AdoNet.Hosting;

/// <summary>Registers ADO.NET grain storage on a silo (Orleans' <c>AddAdoNetGrainStorage</c>).</summary>
public static class AdoNetGrainStorageSiloBuilderExtensions
{
    /// <summary>Name of the storage used by <c>[PersistentState]</c> without a storage name.</summary>
    public const string DefaultStorageName = "Default";

    /// <summary>
    /// Adds an ADO.NET grain storage under <paramref name="name"/>. It is a keyed <see cref="IGrainStorage"/> (the key
    /// is the name) and a keyed <see cref="AdoNetGrainStorage"/>; its schema is migrated when the host starts.
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
        services.AddKeyedSingleton<IGrainStorage>(name, (sp, key) => sp.GetRequiredKeyedService<AdoNetGrainStorage>(key));
        // Not AddHostedService: it de-duplicates by type, and each named storage needs its own start-up migration.
        services.AddSingleton<IHostedService>(sp => new AdoNetGrainStorageInitializer(sp.GetRequiredKeyedService<AdoNetGrainStorage>(name)));
        return builder;
    }

    /// <summary>Adds an ADO.NET grain storage as the default storage (name <see cref="DefaultStorageName"/>).</summary>
    public static ISiloBuilder AddAdoNetGrainStorageAsDefault(this ISiloBuilder builder, Action<AdoNetGrainStorageOptions> configure)
        => builder.AddAdoNetGrainStorage(DefaultStorageName, configure);
}
