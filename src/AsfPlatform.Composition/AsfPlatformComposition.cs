using AsfPlatform.Access;
using AsfPlatform.Composition.Orleans;
using AsfPlatform.Grains;
using AsfPlatform.Reporting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Hosting;

namespace AsfPlatform.Composition;

/// <summary>What an application adds on top of the shared composition.</summary>
public sealed class AsfPlatformOptions
{
    /// <summary>The database. Null resolves it from the builder's configuration (<see cref="AsfStorage.Resolve"/>).</summary>
    public AsfStorage? Storage { get; set; }

    /// <summary>Relative SQLite paths and the data-folder search start here; defaults to the current directory.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>More silo settings (tests add fault injection or shorter timeouts).</summary>
    public Action<ISiloBuilder>? ConfigureSilo { get; set; }

    /// <summary>Where report plugins come from; by default <c>AsfPlatform.Plugins.*.dll</c> beside the application.</summary>
    public Action<ReportingOptions>? ConfigureReporting { get; set; }
}

/// <summary>
/// The platform's composition root: an Orleans silo (or a client of a running cluster) with ADO.NET grain storage
/// and clustering (<see cref="AsfCluster"/>), the ASF grains, the access module (accounts, tokens, audit log) and
/// reporting with the grain report context, all on one <see cref="AsfStorage"/>. The web host and the asf command both
/// call this, so they read and write the same rows the same way.
/// </summary>
public static class AsfPlatformComposition
{
    /// <summary>Adds the platform as a silo of its cluster; registers <see cref="AsfStorage"/> as a singleton.</summary>
    public static IHostApplicationBuilder AddAsfPlatform(this IHostApplicationBuilder builder, Action<AsfPlatformOptions>? configure = null)
    {
        var (options, storage) = Resolve(builder, configure);
        builder.UseOrleans(silo =>
        {
            silo.UseAsfCluster(storage, builder.Configuration);
            silo.AddAsfGrains();
            options.ConfigureSilo?.Invoke(silo);
        });
        return builder.AddModules(options, storage);
    }

    /// <summary>
    /// Adds the platform as a client of a running cluster (the asf command beside a running host): grain calls go to
    /// the host's silo, so the host never holds state older than what the command wrote.
    /// </summary>
    public static IHostApplicationBuilder AddAsfPlatformClient(this IHostApplicationBuilder builder, Action<AsfPlatformOptions>? configure = null)
    {
        var (options, storage) = Resolve(builder, configure);
        builder.UseOrleansClient(client => client.UseAsfCluster(storage, builder.Configuration));
        return builder.AddModules(options, storage);
    }

    private static (AsfPlatformOptions, AsfStorage) Resolve(IHostApplicationBuilder builder, Action<AsfPlatformOptions>? configure)
    {
        var options = new AsfPlatformOptions();
        configure?.Invoke(options);
        var storage = (options.Storage
            ?? AsfStorage.Resolve(builder.Configuration, options.WorkingDirectory ?? Directory.GetCurrentDirectory())).EnsureFolder();
        builder.Services.AddSingleton(storage);
        return (options, storage);
    }

    private static IHostApplicationBuilder AddModules(this IHostApplicationBuilder builder, AsfPlatformOptions options, AsfStorage storage)
    {
        var services = builder.Services;
        services.AddAsfAccess();
        services.AddOptions<AccessStorageOptions>().Configure(storage.ApplyTo);
        services.AddAsfReporting(reporting => options.ConfigureReporting?.Invoke(reporting));
        services.AddGrainReportContext();
        return builder;
    }
}
