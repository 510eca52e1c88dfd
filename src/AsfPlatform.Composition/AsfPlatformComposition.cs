using AsfPlatform.Access;
using AsfPlatform.Grains;
using AsfPlatform.Persistence.AdoNet;
using AsfPlatform.Persistence.AdoNet.Hosting;
using AsfPlatform.Reporting;
using AsfPlatform.Runtime;
using AsfPlatform.Runtime.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsfPlatform.Composition;

/// <summary>What an application adds on top of the shared composition.</summary>
public sealed class AsfPlatformOptions
{
    /// <summary>
    /// The database. Null resolves it from configuration when first needed (<see cref="AsfStorage.Resolve"/>), so
    /// settings added late (test factories) still apply.
    /// </summary>
    public AsfStorage? Storage { get; set; }

    /// <summary>Relative SQLite paths and the data-folder search start here; defaults to the current directory.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>More grains or silo settings (the host adds its health probe grain).</summary>
    public Action<ISiloBuilder>? ConfigureSilo { get; set; }

    /// <summary>Where report plugins come from; by default <c>AsfPlatform.Plugins.*.dll</c> beside the application.</summary>
    public Action<ReportingOptions>? ConfigureReporting { get; set; }
}

/// <summary>
/// The platform's composition root: grain runtime + ADO.NET grain storage + ASF grains + access module (accounts,
/// tokens, audit log) + reporting with the grain report context, all on one <see cref="AsfStorage"/>. The web host
/// and the asf command both call this, so they read and write the same rows the same way.
/// </summary>
public static class AsfPlatformComposition
{
    /// <summary>Adds the platform to <paramref name="builder"/>; resolves <see cref="AsfStorage"/> as a singleton.</summary>
    public static IHostApplicationBuilder AddAsfPlatform(this IHostApplicationBuilder builder, Action<AsfPlatformOptions>? configure = null)
    {
        var options = new AsfPlatformOptions();
        configure?.Invoke(options);
        var services = builder.Services;
        var workingDirectory = options.WorkingDirectory ?? Directory.GetCurrentDirectory();

        services.AddSingleton(sp => (options.Storage
            ?? AsfStorage.Resolve(sp.GetRequiredService<IConfiguration>(), workingDirectory)).EnsureFolder());

        builder.UseGrainRuntime(silo =>
        {
            silo.AddAsfGrains();
            silo.AddAdoNetGrainStorageAsDefault(_ => { });
            options.ConfigureSilo?.Invoke(silo);
        });
        // Filled from the resolved storage when the storage provider is first created.
        services.AddOptions<AdoNetGrainStorageOptions>(ProviderConstants.DefaultStorageProviderName)
            .Configure<AsfStorage>((o, storage) =>
            {
                o.Invariant = storage.Invariant;
                o.ConnectionString = storage.ConnectionString;
            });

        services.AddAsfAccess();
        services.AddOptions<AccessStorageOptions>().Configure<AsfStorage>((o, storage) =>
        {
            o.Invariant = storage.Invariant;
            o.ConnectionString = storage.ConnectionString;
        });

        services.AddAsfReporting(reporting => options.ConfigureReporting?.Invoke(reporting));
        services.AddGrainReportContext();
        return builder;
    }
}
